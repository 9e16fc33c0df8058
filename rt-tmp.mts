import { readModelFile, exportModel } from './src/threatmodel/formats/index.ts';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
const dir = mkdtempSync('/tmp/rt-');
const files = execSync("find /work/shared/corpora/threat-models -type f \\( -name '*.json' -o -name '*.otm' -o -name '*.yaml' -o -name '*.tm7' \\) | sort").toString().trim().split('\n');
const norm = (m: any) => JSON.parse(JSON.stringify(m, (k, v) => {
  if (Array.isArray(v) && v.every((x) => typeof x === 'object' && x && 'id' in x)) return [...v].sort((a, b) => (a.id < b.id ? -1 : 1));
  if ((k === 'elementIds' || k === 'elements') && Array.isArray(v)) return [...v].sort();
  return v;
}));
for (const f of files) {
  let m; try { m = await readModelFile(f); } catch { continue; }
  for (const to of ['otm', 'threat-dragon'] as const) {
    const p = `${dir}/x.${to}.json`; writeFileSync(p, exportModel(m, to));
    try {
      const m2 = await readModelFile(p);
      if (!isDeepStrictEqual(norm(m), norm(m2))) {
        const a = norm(m), b = norm(m2);
        const diff = Object.keys(a).filter((k) => !isDeepStrictEqual(a[k], b[k]));
        console.log('DIFF', to, f.split('/').slice(-2).join('/'), diff, JSON.stringify(a[diff[0]!]).slice(0, 300), '\n   ', JSON.stringify(b[diff[0]!]).slice(0, 300));
      }
    } catch (e: any) { console.log('ERR', to, f, e.describe?.() ?? e.stack); }
  }
}
console.log('done');
