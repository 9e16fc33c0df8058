import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { autoIdColumn } from './columns.ts';

/** Saved analyses of models, the baselines that drift compares the current intelligence with. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await autoIdColumn(db.schema.createTable('analyses'), dialect)
    .addColumn('model_name', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('model_digest', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('analyses_model').on('analyses').columns(['model_name', 'id']).execute();
}
