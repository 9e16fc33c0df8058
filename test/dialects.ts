import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { DialectName } from '../src/store/dialect.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';

/**
 * The dialects every store test runs on. PostgreSQL joins when THREATLOOM_TEST_PG names a
 * server; THREATLOOM_REQUIRE_PG (set by CI) turns its absence into a failure, not a skip.
 */
const PG_URL = process.env.THREATLOOM_TEST_PG;
if (!PG_URL && process.env.THREATLOOM_REQUIRE_PG) {
  throw new Error(
    'THREATLOOM_REQUIRE_PG is set but THREATLOOM_TEST_PG is not: the PostgreSQL suite would be skipped',
  );
}
if (!PG_URL) console.warn('THREATLOOM_TEST_PG is not set: PostgreSQL store tests are skipped');

export const DIALECTS: DialectName[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  url: string;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

/** A fresh, empty database: a SQLite file in a temp folder or a PostgreSQL schema of its own. */
export function freshDb(dialect: DialectName): TestDb {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'threatloom-test-'));
    return {
      url: join(dir, 'test.db'),
      open() {
        return openStore(this.url);
      },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const url = `${PG_URL!}${PG_URL!.includes('?') ? '&' : '?'}schema=${schema}`;
  return {
    url,
    open: () => openStore(url),
    async drop() {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/**
 * A fresh store, opened before the suite's tests and closed and dropped after them. Pass the
 * database when the suite also opens other connections to it.
 */
export function useFreshStore(dialect: DialectName, testDb: TestDb = freshDb(dialect)): () => Store {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await testDb.open();
  });
  afterAll(async () => {
    await store?.close();
    await testDb.drop();
  });
  return () => store!;
}
