// Threat engine benchmark: analysis of a generated model of 1,000 elements and 3,000 flows.
// Ceiling: the bare rule × target loop with a constant predicate (what any per-element
// engine pays before evaluating a single condition), measured in the same run.
import { machine } from './measure.ts';
import { recordResults } from './results.ts';
import { analyzeModel } from '../src/threatmodel/engine/analyze.ts';
import { ModelSchema, type ThreatModelInput } from '../src/threatmodel/model/schema.ts';
import { BUILT_IN_RULES } from '../src/threatmodel/rules/library.ts';

const ELEMENTS = 1000;
const FLOWS = 3000;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(): ThreatModelInput {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const kinds = [
    { kind: 'actor', type: 'human' },
    { kind: 'external-entity', type: 'partner-api' },
    { kind: 'process', type: 'web-application' },
    { kind: 'process', type: 'api' },
    { kind: 'process', type: 'batch' },
    { kind: 'process', type: 'build-pipeline' },
    { kind: 'datastore', type: 'sql-database' },
    { kind: 'datastore', type: 'nosql-database' },
    { kind: 'datastore', type: 'object-storage' },
  ] as const;
  const assets = Array.from({ length: 50 }, (_, i) => ({
    id: `asset-${i}`,
    confidentiality: 1 + (i % 5),
    integrity: 1 + ((i * 3) % 5),
    availability: 1 + ((i * 7) % 5),
    data: [pick(['pii', 'credentials', 'business', 'card-data', 'public'] as const)],
  }));
  const elements = Array.from({ length: ELEMENTS }, (_, i) => {
    const k = pick(kinds);
    return {
      id: `e${i}`,
      ...k,
      technologies: [pick(['nginx', 'postgresql', 'django', 'node', 'mongodb', 'jenkins'])],
      internetFacing: rand() < 0.1,
      authentication: pick(['none', 'password', 'token', 'mfa', 'certificate'] as const),
      customDeveloped: rand() < 0.5,
      dataFormats: rand() < 0.2 ? ['xml'] : ['json'],
      controls: rand() < 0.3 ? ['waf', 'rate-limiting'] : [],
      assetsProcessed: [pick(assets).id],
    };
  });
  const dataFlows = Array.from({ length: FLOWS }, (_, i) => ({
    id: `f${i}`,
    source: pick(elements).id,
    destination: pick(elements).id,
    protocol: pick(['https', 'http', 'postgresql', 'grpc', 'ldap']),
    authentication: pick(['none', 'token', 'password'] as const),
    assets: [pick(assets).id],
  }));
  const trustBoundaries = Array.from({ length: 20 }, (_, b) => ({
    id: `b${b}`,
    type:
      b === 0
        ? ('internet' as const)
        : pick(['internal-network', 'dmz', 'cloud-network', 'container-namespace'] as const),
    ...(b > 1 ? { parent: `b${1 + (b % 5)}` } : {}),
    elements: elements.filter((_, i) => i % 20 === b).map((e) => e.id),
  }));
  return { title: 'generated', assets, elements, dataFlows, trustBoundaries };
}

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const value = fn();
  return [value, performance.now() - t];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const [model, parseMs] = time(() => ModelSchema.parse(generate()));
analyzeModel(model); // warm-up: compiles the library once, as a long-running process would
const runs = Array.from({ length: 5 }, () => time(() => analyzeModel(model).summary)[1]);
const analysis = analyzeModel(model);
const analyzeMs = median(runs);

const targets = model.elements.length + model.dataFlows.length;
const predicate = (x: unknown) => x !== null;
const [, ceilingMs] = time(() => {
  let hits = 0;
  for (const rule of BUILT_IN_RULES)
    for (const e of [...model.elements, ...model.dataFlows]) if (predicate(rule) && predicate(e)) hits++;
  return hits;
});

const lines = [
  `Machine: ${machine()}. Generated model: ${model.elements.length} elements, ${model.dataFlows.length} flows, ${model.trustBoundaries.length} boundaries; ${analysis.summary.rulesEvaluated} rules; ${analysis.threats.length} threats (${analysis.summary.open} open).`,
  '',
  '| what | time |',
  '|---|---|',
  `| schema validation of the model | ${parseMs.toFixed(0)} ms |`,
  `| **analysis (median of ${runs.length})**, goal < 1000 ms | **${analyzeMs.toFixed(0)} ms** |`,
  `| ceiling: bare rule × target loop (${BUILT_IN_RULES.length} × ${targets}) | ${ceilingMs.toFixed(1)} ms |`,
];
console.log(lines.join('\n'));
recordResults('model', lines);
