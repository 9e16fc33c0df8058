import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ingestLocation } from '../intel/ingest/ingest.ts';
import type { IngestResult } from '../intel/ingest/result.ts';
import { lookup } from '../intel/lookup.ts';
import type { IngestFormat } from '../intel/source.ts';
import { countByType } from '../store/objects-repo.ts';
import { LOCAL_OPERATOR } from '../store/viewer.ts';
import { analyzeModel } from '../threatmodel/engine/analyze.ts';
import { applyGate } from '../threatmodel/engine/gate.ts';
import { readModelFile } from '../threatmodel/formats/index.ts';
import { printLines } from './output.ts';
import { withStore } from './with-store.ts';

const DEMO: { file: string; format: IngestFormat; source: string; reliability: 'B' | 'C' }[] = [
  { file: 'intel-bundle.json', format: 'stix', source: 'demo-cert', reliability: 'B' },
  { file: 'blocklist.csv', format: 'csv', source: 'demo-blocklist', reliability: 'C' },
];

function line(r: IngestResult): string {
  const c = r.counts;
  return `  ${r.source}: ${c.received} received, ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected`;
}

/** Analyzes the demo threat model and shows the register's head and what the CI gate says. */
async function demoModel(): Promise<string[]> {
  const file = fileURLToPath(new URL('../../demo/model.yaml', import.meta.url));
  const analysis = analyzeModel(await readModelFile(file));
  const s = analysis.summary;
  const bands = Object.entries(s.byBand.current)
    .map(([band, n]) => `${n} ${band}`)
    .join(', ');
  const gate = applyGate(analysis);
  return [
    `Threat model "${analysis.model.title}": ${s.threats} threats from ${s.rulesEvaluated} rules (current risk: ${bands}).`,
    'What to do first:',
    ...analysis.register
      .slice(0, 5)
      .map((r) => `  ${r.rank}. [${r.band}] ${r.title} (${r.elementIds.join(', ')}): ${r.action}`),
    `CI gate (model check): ${gate.failing.length} ${gate.description}: exit ${gate.failing.length > 0 ? 1 : 0}`,
  ];
}

/** `threatloom demo`: loads the demo intelligence into the store and shows what it holds. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load the demo content into the store (default ./threatloom.db) and show what it found')
    .action(async (_flags: unknown, cmd: Command) => {
      const out: string[] = ['Ingesting the demo intelligence:'];
      await withStore(cmd, async (store) => {
        for (const d of DEMO) {
          const location = fileURLToPath(new URL(`../../demo/${d.file}`, import.meta.url));
          const { result } = await ingestLocation({
            store,
            location,
            format: d.format,
            sourceName: d.source,
            reliability: d.reliability,
          });
          out.push(line(result));
          for (const r of result.rejected) out.push(`    rejected line ${r.line ?? r.index}: ${r.message}`);
        }
        out.push('', 'The store now holds:');
        for (const [type, n] of Object.entries(await countByType(store, LOCAL_OPERATOR)))
          out.push(`  ${type.padEnd(20)} ${n}`);
        for (const value of [
          'hxxp://files[.]example[.]net/invoice.zip',
          '203.0.113.99',
          'Secure-Login.Example.COM.',
        ]) {
          const r = await lookup(store, LOCAL_OPERATOR, value);
          out.push('', `lookup ${value} → ${r.value} (${r.kind}): ${r.known ? '' : 'not known'}`);
          for (const m of r.matches) {
            const via = m.match === 'cidr' ? ` inside ${m.matchedValue}` : '';
            out.push(
              `  ${m.type} "${m.name ?? m.id}"${via}, reported by ${m.sources.map((s) => s.source).join(', ')}`,
            );
            for (const rel of m.related.slice(0, 4))
              out.push(`    ${rel.relationship} ${rel.type} "${rel.name ?? rel.id}"`);
          }
        }
      });
      out.push('', ...(await demoModel()));
      out.push(
        '',
        'Try: npx threatloom intel search lantern   |   npx threatloom intel stats',
        '     npx threatloom model analyze demo/model.yaml --format html -o report.html',
      );
      printLines(out);
    });
}
