// npm run bench:ingest [-- --count N] — end-to-end ingest rate and peak memory on SQLite and
// PostgreSQL, next to ceilings measured on the same data in the same run.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBundle, writeCsv } from './generate.ts';
import { benchSchema } from './pg-schema.ts';
import { machine, measure, rate } from './measure.ts';
import { recordResults } from './results.ts';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] ?? 0) || 1_000_000;
const pgUrl = process.env.THREATLOOM_TEST_PG ?? process.env.THREATLOOM_BENCH_PG;
const dir = mkdtempSync(join(tmpdir(), 'threatloom-bench-'));
const tsx = ['--import', 'tsx'];

const schemas: { drop(): Promise<void> }[] = [];
async function pgSchemaUrl(name: string): Promise<string> {
  const schema = await benchSchema(pgUrl!, name);
  schemas.push(schema);
  return schema.url;
}

function ingestCli(file: string, db: string, format: string) {
  const m = measure('node', [
    'bin/threatloom.js',
    'intel',
    'ingest',
    file,
    '--format',
    format,
    '--db',
    db,
    '--json',
  ]);
  const result = JSON.parse(m.stdout) as {
    counts: { received: number; created: number; rejected: number };
    seconds: number;
  };
  return { ...m, result };
}

try {
  const bundle = join(dir, 'bundle.json');
  const csv = join(dir, 'list.csv');
  await writeBundle(bundle, count);
  const csvRows = await writeCsv(csv, 10 * 1024 * 1024);
  const mb = statSync(bundle).size / 2 ** 20;

  const lines: string[] = [];
  const parse = measure('node', [...tsx, 'bench/ceiling-json-parse.ts', bundle]);
  const parsed = JSON.parse(parse.stdout) as { seconds: number };
  lines.push(
    `| ceiling: JSON.parse of the whole file | ${rate(count, parsed.seconds)} objects/s (${(mb / parsed.seconds).toFixed(0)} MB/s) | ${parse.peakRssMb} MB |`,
  );

  const stage = measure('node', [...tsx, 'bench/stage-read-normalize.ts', bundle]);
  const staged = JSON.parse(stage.stdout) as { seconds: number };
  lines.push(
    `| stage alone: read + validate + normalize, one thread, no writes | ${rate(count, staged.seconds)} objects/s | ${stage.peakRssMb} MB |`,
  );

  const targets: [string, string][] = [['SQLite', join(dir, 'bench.db')]];
  if (pgUrl) targets.push(['PostgreSQL', await pgSchemaUrl('bench_ingest')]);
  else console.warn('THREATLOOM_TEST_PG not set: PostgreSQL is not measured');

  for (const [name, db] of targets) {
    const ceilingDb = name === 'SQLite' ? join(dir, 'ceiling.db') : pgUrl!;
    const ceil = measure('node', [...tsx, 'bench/ceiling-insert.ts', bundle, ceilingDb]);
    const c = JSON.parse(ceil.stdout) as { seconds: number };
    lines.push(
      `| ceiling: ${name} bare ${name === 'SQLite' ? 'INSERT' : 'COPY'} (id, type, json) | ${rate(count, c.seconds)} rows/s | ${ceil.peakRssMb} MB |`,
    );

    const rowsDb = name === 'SQLite' ? join(dir, 'ceiling-rows.db') : await pgSchemaUrl('bench_ceiling_rows');
    const rowsCeil = measure('node', [...tsx, 'bench/ceiling-store-rows.ts', bundle, rowsDb]);
    const r = JSON.parse(rowsCeil.stdout) as { seconds: number };
    lines.push(
      `| ceiling: ${name} every row the ingest writes (objects, full text, observables, provenance), bare, in the store's schema${name === 'SQLite' ? '' : ', on two connections as the ingest'} | ${rate(count, r.seconds)} indicators/s | ${rowsCeil.peakRssMb} MB |`,
    );

    const run = ingestCli(bundle, db, 'stix');
    // The shares of the ceilings compare runs across machines and across a noisy machine's moods.
    const share = (ceiling: number) => `${((100 * ceiling) / run.result.seconds).toFixed(1)} %`;
    lines.push(
      `| **${name}: ingest ${count.toLocaleString('en-US')} indicators (STIX, ${mb.toFixed(0)} MB)** | **${rate(run.result.counts.received, run.result.seconds)} indicators/s** (${share(c.seconds)} of the bare ${name === 'SQLite' ? 'INSERT' : 'COPY'} ceiling, ${share(r.seconds)} of the every-row ceiling; ${run.result.counts.created.toLocaleString('en-US')} created, ${run.result.counts.rejected} rejected) | ${run.peakRssMb} MB |`,
    );
    const again = ingestCli(bundle, db, 'stix');
    lines.push(
      `| ${name}: same bundle again (all unchanged) | ${rate(again.result.counts.received, again.result.seconds)} indicators/s | ${again.peakRssMb} MB |`,
    );

    const csvDb = name === 'SQLite' ? join(dir, 'csv.db') : await pgSchemaUrl('bench_csv');
    const list = ingestCli(csv, csvDb, 'csv');
    lines.push(
      `| ${name}: ingest 10 MB CSV (${csvRows.toLocaleString('en-US')} rows) | ${rate(list.result.counts.received, list.result.seconds)} rows/s | ${list.peakRssMb} MB |`,
    );
  }
  const header = [
    `Machine: ${machine()}. Bundle: ${count.toLocaleString('en-US')} indicators of 8 kinds, ~20 % duplicate values.`,
    '',
    '| what | rate | peak RSS |',
    '|---|---|---|',
  ];
  const table = [...header, ...lines];
  console.log(table.join('\n'));
  recordResults('ingest', table);
} finally {
  rmSync(dir, { recursive: true, force: true });
  for (const schema of schemas) await schema.drop();
}
