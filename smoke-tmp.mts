import { readModelFile, exportModel } from './src/threatmodel/formats/index.ts';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const files = execSync("find /work/shared/corpora/threat-models -type f \\( -name '*.json' -o -name '*.otm' -o -name '*.yaml' -o -name '*.tm7' \\) | sort").toString().trim().split('\n');
for (const f of files) {
  try {
    const m = await readModelFile(f);
    console.log('OK ', f.replace('/work/shared/corpora/threat-models/', ''), m.elements.length, m.dataFlows.length, m.trustBoundaries.length, m.threats.length);
  } catch (e: any) {
    console.log('ERR', f.replace('/work/shared/corpora/threat-models/', ''), e.describe?.() ?? e.message);
  }
}
