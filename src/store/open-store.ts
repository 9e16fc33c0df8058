import { Migrator } from 'kysely';
import { AppError } from '../core/errors.ts';
import { dialectOf, resolveDbUrl } from './dialect.ts';
import { migrationProvider } from './migrations/index.ts';
import { connectPostgres, schemaParam } from './postgres/connect.ts';
import { connectSqlite } from './sqlite/connect.ts';
import type { Store } from './store.ts';

/** Opens the store named by `--db` / `THREATLOOM_DB` / `./threatloom.db` and brings its schema up to date. */
export async function openStore(url?: string): Promise<Store> {
  const target = resolveDbUrl(url);
  const dialect = dialectOf(target);
  let store: Store;
  try {
    store = dialect === 'postgres' ? await connectPostgres(target) : connectSqlite(target);
  } catch (e) {
    throw new AppError(
      'INVALID_INPUT',
      `cannot open database ${redact(target)}: ${(e as Error).message}`,
      {},
      { cause: e },
    );
  }
  // Kysely looks for its migration tables in every schema unless told which: name ours, so that
  // stores in sibling schemas of one database never see each other's tables.
  const migrationTableSchema = dialect === 'postgres' ? (schemaParam(target) ?? 'public') : undefined;
  const { error } = await new Migrator({
    db: store.db,
    provider: migrationProvider(dialect),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  }).migrateToLatest();
  if (error) {
    await store.close();
    throw new AppError(
      'INTERNAL',
      `migrating ${redact(target)} failed: ${(error as Error).message}`,
      {},
      { cause: error },
    );
  }
  return store;
}

/** Hides a password in a database URL before it goes into a message. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
