import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../cli/run-cli.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { useGeneratedBundle } from './generated-bundle.ts';
import { count, orphans } from './store-integrity.ts';

const COUNT = 30_000;
const bundle = useGeneratedBundle(COUNT);

interface Counts {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

describe.each(DIALECTS)('two ingests of one bundle at once on %s', (dialect) => {
  const testDb = freshDb(dialect);
  afterAll(() => testDb.drop());

  it('both succeed, each object is stored and created once, and each source has its provenance', async () => {
    // The schema exists before the race: two first runs would otherwise race to migrate.
    await (await testDb.open()).close();
    const run = (source: string) =>
      runCliAsync(['intel', 'ingest', bundle(), '--db', testDb.url, '--source', source, '--json']);
    const runs = await Promise.all([run('feed-a'), run('feed-b')]);
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    const [a, b] = runs.map((r) => (JSON.parse(r.stdout) as { counts: Counts }).counts);
    // Same objects, same versions: whichever run stored an object first created it, the other
    // found it unchanged, whatever the interleaving.
    expect(a!.created + b!.created).toBe(COUNT);
    expect(a!.unchanged + b!.unchanged).toBe(COUNT);
    expect([a!.updated, b!.updated, a!.rejected, b!.rejected]).toEqual([0, 0, 0, 0]);

    const store = await testDb.open();
    try {
      expect(await count(store, 'SELECT count(*) AS n FROM objects')).toBe(COUNT);
      expect(await count(store, 'SELECT count(*) AS n FROM provenance')).toBe(2 * COUNT);
      expect(await count(store, 'SELECT sum(times_seen) AS n FROM provenance')).toBe(2 * COUNT);
      expect(await orphans(store)).toEqual([0, 0, 0, 0]);
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe('an ingest beside another SQLite writer', () => {
  const testDb = freshDb('sqlite');
  afterAll(() => testDb.drop());

  it('waits for the write lock longer than the usual busy timeout instead of failing', async () => {
    await (await testDb.open()).close();
    const other = new BetterSqlite3(testDb.url);
    try {
      // Another writer holds the lock past the 10 s every connection waits for by default.
      other.exec('BEGIN IMMEDIATE');
      const ingest = runCliAsync(['intel', 'ingest', bundle(), '--db', testDb.url, '--json']);
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      other.exec('COMMIT');
      const run = await ingest;
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect((JSON.parse(run.stdout) as { counts: Counts }).counts.created).toBe(COUNT);
    } finally {
      other.close();
    }
  }, 180_000);
});
