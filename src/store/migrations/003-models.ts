import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { autoIdColumn } from './columns.ts';

/** Threat models kept in the store: immutable versions, review status, reviews and comments. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await autoIdColumn(db.schema.createTable('models'), dialect)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('approved_version', 'integer')
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('updated', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('model_versions')
    .addColumn('model_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('model_versions_pk', ['model_id', 'version'])
    .execute();

  await autoIdColumn(db.schema.createTable('model_reviews'), dialect)
    .addColumn('model_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('threat_id', 'text')
    .execute();
  await db.schema
    .createIndex('model_reviews_model')
    .on('model_reviews')
    .columns(['model_id', 'version'])
    .execute();
}
