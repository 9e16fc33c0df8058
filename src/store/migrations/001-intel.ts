import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { autoIdColumn } from './columns.ts';

/** The intelligence tables (DESIGN.md § Storage). */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  // Byte order for the columns compared as ranges (versions, values, IP bounds), whatever the
  // database's locale; SQLite's default collation already is.
  const bytewise = dialect === 'postgres' ? sql`collate "C"` : sql``;
  // Tables keyed by their primary key alone are one B-tree instead of two on SQLite, which
  // halves the page writes of the ingest hot path. `objects` keeps its rowid: FTS5 keys on it.
  const keyed = dialect === 'sqlite' ? sql`without rowid` : sql``;
  await db.schema
    .createTable('objects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text')
    .addColumn('created', 'text')
    .addColumn('modified', 'text')
    .addColumn('modified_key', 'text', (c) => c.modifyEnd(bytewise))
    .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confidence', 'integer')
    .addColumn('created_by_ref', 'text')
    .addColumn('tlp', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('aliases', 'text')
    .addColumn('labels', 'text')
    .addColumn('matchable', 'integer')
    .addColumn('json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('objects_type').on('objects').columns(['type']).execute();

  await db.schema
    .createTable('object_versions')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('modified_key', 'text', (c) => c.notNull().modifyEnd(bytewise))
    .addColumn('json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('object_versions_pk', ['id', 'modified_key'])
    .modifyEnd(keyed)
    .execute();

  await db.schema
    .createTable('relationships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_ref', 'text', (c) => c.notNull())
    .addColumn('relationship_type', 'text', (c) => c.notNull())
    .addColumn('target_ref', 'text', (c) => c.notNull())
    .modifyEnd(keyed)
    .execute();
  await db.schema.createIndex('relationships_source').on('relationships').columns(['source_ref']).execute();
  await db.schema.createIndex('relationships_target').on('relationships').columns(['target_ref']).execute();

  await db.schema
    .createTable('observables')
    .addColumn('value', 'text', (c) => c.notNull().modifyEnd(bytewise))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('range_lo', 'text', (c) => c.modifyEnd(bytewise))
    .addColumn('range_hi', 'text', (c) => c.modifyEnd(bytewise))
    .addPrimaryKeyConstraint('observables_pk', ['value', 'kind', 'object_id'])
    .modifyEnd(keyed)
    .execute();
  await db.schema.createIndex('observables_object').on('observables').columns(['object_id']).execute();
  await db.schema
    .createIndex('observables_range')
    .on('observables')
    .columns(['kind', 'range_lo'])
    .where('range_lo', 'is not', null)
    .execute();

  await autoIdColumn(db.schema.createTable('sources'), dialect)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('reliability', 'text')
    .addColumn('tlp', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('provenance')
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('times_seen', 'integer', (c) => c.notNull())
    .addColumn('reliability', 'text')
    .addColumn('tlp', 'text')
    .addPrimaryKeyConstraint('provenance_pk', ['object_id', 'source_id'])
    .modifyEnd(keyed)
    .execute();
  await db.schema.createIndex('provenance_source').on('provenance').columns(['source_id']).execute();

  await db.schema
    .createTable('feeds')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text')
    .addColumn('schedule', 'text')
    .addColumn('reliability', 'text')
    .addColumn('tlp', 'text')
    .addColumn('headers', 'text')
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('allow_redirects', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('state', 'text')
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();

  await autoIdColumn(db.schema.createTable('feed_runs'), dialect)
    .addColumn('feed', 'text', (c) => c.notNull())
    .addColumn('started', 'text', (c) => c.notNull())
    .addColumn('finished', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counts', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('feed_runs_feed').on('feed_runs').columns(['feed', 'started']).execute();
}
