import type { Kysely } from 'kysely';

/**
 * Drops the per-source index of provenance. Every ingested object paid a random insert into
 * it, and its one reader, the per-source counts of `intel stats`, is served as well by a scan
 * of the primary key, which holds the same two columns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('provenance_source').execute();
}
