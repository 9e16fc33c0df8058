import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * Known-benign lists (MISP warninglist format) and their hits on observables. A list's entries
 * are kept as one JSON array: lists are only ever read whole, to build the in-memory matcher.
 * Geo and ASN context is computed on read and not stored.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const bytewise = dialect === 'postgres' ? sql`collate "C"` : sql``;
  const keyed = dialect === 'sqlite' ? sql`without rowid` : sql``;
  await db.schema
    .createTable('warninglists')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('matching_attributes', 'text')
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('entry_count', 'integer', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('loaded', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('warninglist_hits')
    .addColumn('value', 'text', (c) => c.notNull().modifyEnd(bytewise))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('list_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('warninglist_hits_pk', ['value', 'kind', 'list_name'])
    .modifyEnd(keyed)
    .execute();
  await db.schema
    .createIndex('warninglist_hits_list')
    .on('warninglist_hits')
    .columns(['list_name'])
    .execute();
}
