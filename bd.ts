import { ModelGraph } from '/work/main/src/threatmodel/engine/graph.ts';
import { findThreats } from '/work/main/src/threatmodel/engine/find-threats.ts';
import { effectiveRules } from '/work/main/src/threatmodel/engine/compiled-rules.ts';
import { BUILT_IN_RULES } from '/work/main/src/threatmodel/rules/library.ts';
import { buildThreat } from '/work/main/src/threatmodel/engine/build-threat.ts';
import { analyzeModel } from '/work/main/src/threatmodel/engine/analyze.ts';
import { ModelSchema } from '/work/main/src/threatmodel/model/schema.ts';
import { readFileSync } from 'node:fs';
const model = ModelSchema.parse(JSON.parse(readFileSync('/tmp/gen.json','utf8')));
for (let k=0;k<3;k++){
let t=performance.now();
const graph = new ModelGraph(model); const g=performance.now()-t;
const { rules } = effectiveRules(BUILT_IN_RULES, []);
t=performance.now(); const f=findThreats(graph, rules); const ft=performance.now()-t;
t=performance.now(); for (const x of f) buildThreat(x, graph); const bt=performance.now()-t;
t=performance.now(); analyzeModel(model); const at=performance.now()-t;
console.log({g, ft, bt, at, n: f.length});
}
// per-rule cost
const graph = new ModelGraph(model);
const { rules } = effectiveRules(BUILT_IN_RULES, []);
const costs = rules.map(r => { const t=performance.now(); findThreats(graph,[r]); return [r.rule.id, performance.now()-t]; }).sort((a,b)=>b[1]-a[1]).slice(0,10);
console.log(costs);
