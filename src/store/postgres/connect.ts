import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.ts';
import type { Store } from '../store.ts';
import { createPostgresIngestWriter } from './ingest-writer.ts';
import { createPostgresTextSearch } from './text-search.ts';

/** The schema a database URL selects with `?schema=NAME`, or null for the default one. */
export function schemaParam(url: string): string | null {
  return new URL(url).searchParams.get('schema');
}

/**
 * Connects to PostgreSQL. `?schema=NAME` in the URL selects (and creates) a schema, which
 * is how test suites get a database of their own.
 */
export async function connectPostgres(url: string): Promise<Store> {
  const parsed = new URL(url);
  const schema = schemaParam(url);
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid schema name in database URL: ${schema}`);
  }
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    // Connect now (the pool would only on the first query): an unreachable server or a missing
    // database is then an error of the URL the user gave, not one half-way through migrating.
    await pool.query(schema ? `CREATE SCHEMA IF NOT EXISTS ${schema}` : 'SELECT 1');
  } catch (e) {
    await pool.end();
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    ingestWriter: createPostgresIngestWriter(pool),
    textSearch: createPostgresTextSearch(pool),
    close: () => db.destroy(),
  };
}
