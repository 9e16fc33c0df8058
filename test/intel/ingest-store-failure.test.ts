import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../cli/run-cli.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { useGeneratedBundle } from './generated-bundle.ts';
import { count } from './store-integrity.ts';

// More batches than the reading worker may have in flight, so that it waits for the writer.
const COUNT = 20_000;
const bundle = useGeneratedBundle(COUNT);

describe.each(DIALECTS)('an ingest whose store fails before the first batch on %s', (dialect) => {
  const testDb = freshDb(dialect);
  afterAll(() => testDb.drop());

  it('exits with the error and stops its reading worker instead of hanging', async () => {
    const store = await testDb.open();
    try {
      // The database itself refuses the source's row, as a failing disk or a policy would.
      if (dialect === 'sqlite') {
        await sql`CREATE TRIGGER no_sources BEFORE INSERT ON sources BEGIN SELECT RAISE(ABORT, 'sources are read-only'); END`.execute(
          store.db,
        );
      } else {
        await sql`CREATE FUNCTION no_sources() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'sources are read-only'; END $$`.execute(
          store.db,
        );
        await sql`CREATE TRIGGER no_sources BEFORE INSERT ON sources FOR EACH ROW EXECUTE FUNCTION no_sources()`.execute(
          store.db,
        );
      }
    } finally {
      await store.close();
    }
    const run = await runCliAsync(['intel', 'ingest', bundle(), '--db', testDb.url, '--json']);
    expect(run.stderr).toMatch(/sources are read-only/);
    expect(run.status).toBe(3);
    const after = await testDb.open();
    try {
      expect(await count(after, 'SELECT count(*) AS n FROM objects')).toBe(0);
    } finally {
      await after.close();
    }
  }, 120_000);
});
