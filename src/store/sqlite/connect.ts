import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from '../store.ts';
import type { Database } from '../schema.ts';
import { createSqliteIngestWriter } from './ingest-writer.ts';
import { createSqliteTextSearch } from './text-search.ts';

/** The settings of every store connection (the ingest benchmark's ceiling uses them too). */
export function applySqliteSettings(raw: BetterSqlite3.Database): void {
  raw.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 10000');
  // 32 MB: ingest writes its random-keyed rows in key order, so a larger cache buys little
  // and would count against the memory bound of a long ingest.
  raw.pragma('cache_size = -32768');
  raw.pragma('wal_autocheckpoint = 16384');
  raw.pragma('foreign_keys = ON');
}

/** Opens (creating if needed) the embedded SQLite store in WAL mode. */
export function connectSqlite(path: string): Store {
  const raw = new BetterSqlite3(path);
  applySqliteSettings(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  let writer: ReturnType<typeof createSqliteIngestWriter> | undefined;
  return {
    dialect: 'sqlite',
    db,
    // Prepared lazily: the statements need the tables, which exist only after migrations ran.
    get ingestWriter() {
      writer ??= createSqliteIngestWriter(raw);
      return writer;
    },
    textSearch: createSqliteTextSearch(raw),
    close: () => db.destroy(),
  };
}
