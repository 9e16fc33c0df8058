import type { CreateTableBuilder } from 'kysely';
import type { DialectName } from '../dialect.ts';

/** An auto-incrementing integer `id` primary key, spelled as each dialect wants it. */
export function autoIdColumn<T extends string>(table: CreateTableBuilder<T>, dialect: DialectName) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
