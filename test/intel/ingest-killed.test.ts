import { spawn } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.ts';
import { count, orphans } from './store-integrity.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { useGeneratedBundle } from './generated-bundle.ts';

// More objects than one SQLite commit group, so that a kill can land after a commit.
const COUNT = 130_000;
const bundle = useGeneratedBundle(COUNT);

/** Objects another connection sees, read without opening a store (which would migrate, so write). */
async function committedObjects(url: string): Promise<number> {
  try {
    if (!url.startsWith('postgres')) {
      const db = new BetterSqlite3(url, { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM objects').get() as { n: number }).n;
      } finally {
        db.close();
      }
    }
    const schema = new URL(url).searchParams.get('schema');
    const client = new pg.Client({
      connectionString: url.split('?')[0],
      options: `-c search_path=${schema}`,
    });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM objects')).rows[0]!.n);
    } finally {
      await client.end();
    }
  } catch {
    return 0; // not created yet
  }
}

describe.each(DIALECTS)('an ingest killed half-way on %s', (dialect) => {
  const testDb = freshDb(dialect);
  afterAll(() => testDb.drop());

  it('leaves whole batches only, and running it again completes the job', async () => {
    const args = ['intel', 'ingest', bundle(), '--db', testDb.url, '--json'];
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'threatloom.js'), ...args], { cwd: ROOT });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Wait for the first commit to be visible to another connection, then kill without warning.
    let stored = 0;
    for (let tries = 0; stored === 0 && tries < 1200; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = await committedObjects(testDb.url);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stored).toBeGreaterThan(0);

    const store = await testDb.open();
    let kept: number;
    try {
      kept = await count(store, 'SELECT count(*) AS n FROM objects');
      expect(kept).toBeGreaterThanOrEqual(stored);
      expect(kept).toBeLessThan(COUNT);
      expect(await orphans(store)).toEqual([0, 0, 0, 0]);
      if (dialect === 'sqlite') {
        const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store.db);
        expect(rows).toEqual([{ integrity_check: 'ok' }]);
      }
    } finally {
      await store.close();
    }

    const again = runCli(args);
    expect(again.stderr).toBe('');
    const result = JSON.parse(again.stdout) as { counts: Record<string, number> };
    expect(result.counts.received).toBe(COUNT);
    expect(result.counts.rejected).toBe(0);
    expect(result.counts.updated).toBe(0);
    expect(result.counts.unchanged).toBe(kept);
    expect(result.counts.created).toBe(COUNT - kept);
    const reopened = await testDb.open();
    try {
      const total = await count(reopened, 'SELECT count(*) AS n FROM objects');
      expect(total).toBe(COUNT); // every id of the bundle is distinct
      expect(await orphans(reopened)).toEqual([0, 0, 0, 0]);
    } finally {
      await reopened.close();
    }
  }, 240_000);
});
