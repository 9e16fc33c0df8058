import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * Full-text search over names, descriptions and aliases: an FTS5 table on SQLite, a GIN
 * expression index on PostgreSQL. The FTS5 rowid is the rowid of the object it indexes. Observable values are searched through the observables
 * index instead (exact and prefix), which tokenizers would split into meaningless parts.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE objects_fts USING fts5(name, description, aliases, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
    return;
  }
  await sql`CREATE INDEX objects_fts ON objects USING gin (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(aliases, '')))`.execute(
    db,
  );
}
