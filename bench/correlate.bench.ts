// npm run bench:correlate [-- --count N] — p50/p99 latency of `correlate` queries with ATT&CK
// Enterprise plus N generated indicators (default 1,000,000, 10,000 of them linked to groups)
// loaded, on SQLite and PostgreSQL, next to the latency of one bare indexed relationship read.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { correlate } from '../src/correlate/correlate.ts';
import { ingestLocation } from '../src/intel/ingest/ingest.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';
import { LOCAL_OPERATOR } from '../src/store/viewer.ts';
import { corpus } from '../test/corpora.ts';
import { indicatorId, rng, valueIndex, valueOf, writeBundle } from './generate.ts';
import { machine } from './measure.ts';
import { benchSchema } from './pg-schema.ts';
import { recordResults } from './results.ts';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] ?? 0) || 1_000_000;
const linked = Math.min(10_000, count);
const rounds = 20;
const pgUrl = process.env.THREATLOOM_TEST_PG ?? process.env.THREATLOOM_BENCH_PG;
const dir = mkdtempSync(join(tmpdir(), 'threatloom-bench-correlate-'));

const QUERIES: Record<string, string[]> = {
  technique: ['T1566', 'T1059', 'T1190', 'T1078', 'T1027'],
  group: ['APT28', 'Lazarus Group', 'FIN7', 'APT29', 'Sandworm Team'],
  indicator: [0, 1, 2, 3, 4].map((i) => valueOf(valueIndex(i * 997, 0.2)).value),
};
const GROUPS = ['G0007', 'G0032', 'G0046', 'G0016', 'G0034'];

/** `indicates` links from the first generated indicators to ATT&CK groups (by STIX id, read from the store). */
async function writeLinks(store: Store, path: string): Promise<void> {
  const groups: string[] = [];
  for (const g of GROUPS) groups.push((await correlate(store, LOCAL_OPERATOR, g)).subjects[0]!.id);
  const r = rng(7);
  const objects = Array.from({ length: linked }, (_, n) => {
    const i = n * 997 < count ? n * 997 : n;
    return {
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--${n.toString(16).padStart(8, '0')}-1111-4000-8000-${n.toString(16).padStart(12, '0')}`,
      created: '2026-06-01T00:00:00.000Z',
      modified: '2026-06-01T00:00:00.000Z',
      relationship_type: 'indicates',
      source_ref: indicatorId(i),
      target_ref: groups[Math.floor(r() * groups.length)],
    };
  });
  writeFileSync(
    path,
    JSON.stringify({ type: 'bundle', id: 'bundle--1d0092c5-5f74-4287-9642-33f4c354e56d', objects }),
  );
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function bench(name: string, url: string, bundle: string): Promise<string[]> {
  const store = await openStore(url);
  try {
    const load = performance.now();
    const opts = { store, format: 'stix' as const, reliability: 'A' as const };
    await ingestLocation({
      ...opts,
      location: corpus('attack', 'enterprise-attack.json'),
      sourceName: 'mitre-attack',
    });
    await ingestLocation({ ...opts, location: bundle, sourceName: 'bench' });
    const links = join(dir, `links-${name}.json`);
    await writeLinks(store, links);
    await ingestLocation({ ...opts, location: links, sourceName: 'bench-links' });
    const loadS = (performance.now() - load) / 1000;
    const lines: string[] = [];
    const all: number[] = [];
    for (const [kind, subjects] of Object.entries(QUERIES)) {
      const t: number[] = [];
      for (let round = 0; round < rounds; round++)
        for (const s of subjects) t.push(await time(() => correlate(store, LOCAL_OPERATOR, s)));
      all.push(...t);
      lines.push(
        `| ${name}: correlate ${kind} (${subjects.join(', ')}) | ${ms(pct(t, 0.5))} | ${ms(pct(t, 0.99))} |`,
      );
    }
    lines.push(
      `| **${name}: all correlate queries** | **${ms(pct(all, 0.5))}** | **${ms(pct(all, 0.99))}** |`,
    );
    const target = (await correlate(store, LOCAL_OPERATOR, 'T1566')).subjects[0]!.id;
    const bare: number[] = [];
    for (let i = 0; i < rounds * 10; i++)
      bare.push(
        await time(() =>
          store.db.selectFrom('relationships').selectAll().where('target_ref', '=', target).execute(),
        ),
      );
    lines.push(
      `| ceiling: ${name} one indexed relationships read | ${ms(pct(bare, 0.5))} | ${ms(pct(bare, 0.99))} |`,
    );
    lines.push(
      `| ${name}: load (ATT&CK + ${count.toLocaleString('en-US')} indicators + links) | ${loadS.toFixed(0)} s | |`,
    );
    return lines;
  } finally {
    await store.close();
  }
}

try {
  const bundle = join(dir, 'indicators.json');
  await writeBundle(bundle, count);
  const lines = await bench('SQLite', join(dir, 'bench.db'), bundle);
  if (pgUrl) {
    const schema = await benchSchema(pgUrl, 'bench_correlate');
    try {
      lines.push(...(await bench('PostgreSQL', schema.url, bundle)));
    } finally {
      await schema.drop();
    }
  } else console.warn('THREATLOOM_TEST_PG not set: PostgreSQL is not measured');
  const table = [
    `Machine: ${machine()}. ATT&CK Enterprise plus ${count.toLocaleString('en-US')} indicators, ${linked.toLocaleString('en-US')} of them linked to 5 groups; ${rounds} rounds of each query.`,
    '',
    '| query | p50 | p99 |',
    '|---|---|---|',
    ...lines,
  ];
  console.log(table.join('\n'));
  recordResults('correlate', table);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
