import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { autoIdColumn } from './columns.ts';

/** Sightings, analyst verdicts, indicator scores and the versions of the learned score model. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await autoIdColumn(db.schema.createTable('sightings'), dialect)
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('seen', 'text', (c) => c.notNull())
    .addColumn('where_seen', 'text')
    .addColumn('recorded', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sightings_value').on('sightings').columns(['value', 'kind']).execute();

  await autoIdColumn(db.schema.createTable('verdicts'), dialect)
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('features', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('verdicts_object').on('verdicts').columns(['object_id']).execute();

  await db.schema
    .createTable('scores')
    .addColumn('object_id', 'text', (c) => c.primaryKey())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('base', 'real', (c) => c.notNull())
    .addColumn('t0', 'text')
    .addColumn('decays_at', 'text')
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('computed', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scores_decays_at').on('scores').columns(['decays_at']).execute();

  await db.schema
    .createTable('score_models')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('metrics', 'text', (c) => c.notNull())
    .execute();
}
