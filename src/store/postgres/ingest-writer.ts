import type { Pool, PoolClient } from 'pg';
import type { CurrentVersion, IngestBatch, IngestWriter, ObjectRow } from '../ingest-writer.ts';
import type { ObservablesTable, RelationshipsTable } from '../schema.ts';

const OBJECT_COLUMNS = [
  ['id', 'text'],
  ['type', 'text'],
  ['spec_version', 'text'],
  ['created', 'text'],
  ['modified', 'text'],
  ['modified_key', 'text'],
  ['revoked', 'int'],
  ['confidence', 'int'],
  ['created_by_ref', 'text'],
  ['tlp', 'int'],
  ['name', 'text'],
  ['description', 'text'],
  ['aliases', 'text'],
  ['labels', 'text'],
  ['matchable', 'int'],
  ['json', 'text'],
] as const;

const NAMES = OBJECT_COLUMNS.map(([c]) => c).join(', ');
const UNNEST = OBJECT_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
const SET = OBJECT_COLUMNS.filter(([c]) => c !== 'id')
  .map(([c]) => `${c} = excluded.${c}`)
  .join(', ');

/** Column arrays for `unnest`: one round trip per table per batch, whatever the batch size. */
function columns<T>(rows: T[], keys: readonly (keyof T)[]): unknown[][] {
  return keys.map((k) => rows.map((r) => r[k] ?? null));
}

async function writeObjects(client: PoolClient, rows: ObjectRow[], replace: boolean): Promise<void> {
  if (rows.length === 0) return;
  const conflict = replace ? `ON CONFLICT (id) DO UPDATE SET ${SET}` : '';
  await client.query(
    `INSERT INTO objects (${NAMES}) SELECT * FROM unnest(${UNNEST}) ${conflict}`,
    columns(
      rows,
      OBJECT_COLUMNS.map(([c]) => c),
    ),
  );
}

async function writeChildren(
  client: PoolClient,
  observables: ObservablesTable[],
  relationships: RelationshipsTable[],
) {
  if (observables.length > 0) {
    await client.query(
      `INSERT INTO observables (value, kind, object_id, range_lo, range_hi)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`,
      columns(observables, ['value', 'kind', 'object_id', 'range_lo', 'range_hi']),
    );
  }
  if (relationships.length > 0) {
    await client.query(
      `INSERT INTO relationships (id, source_ref, relationship_type, target_ref)
       SELECT DISTINCT ON (id) * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, s, t, g)
       ON CONFLICT (id) DO UPDATE SET source_ref = excluded.source_ref,
         relationship_type = excluded.relationship_type, target_ref = excluded.target_ref`,
      columns(relationships, ['id', 'source_ref', 'relationship_type', 'target_ref']),
    );
  }
}

export function createPostgresIngestWriter(pool: Pool): IngestWriter {
  return {
    async currentVersions(ids) {
      const res = await pool.query<{ id: string; modified_key: string | null; revoked: number }>(
        'SELECT id, modified_key, revoked FROM objects WHERE id = ANY($1::text[])',
        [ids],
      );
      const out = new Map<string, CurrentVersion>();
      for (const r of res.rows) out.set(r.id, { modifiedKey: r.modified_key, revoked: r.revoked === 1 });
      return out;
    },

    async writeBatch(batch: IngestBatch) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await writeObjects(
          client,
          batch.created.map((c) => c.row),
          false,
        );
        const replacedIds = batch.replaced.map((r) => r.row.id);
        if (replacedIds.length > 0) {
          await client.query(
            `INSERT INTO object_versions (id, modified_key, json)
             SELECT id, coalesce(modified_key, ''), json FROM objects WHERE id = ANY($1::text[]) ON CONFLICT DO NOTHING`,
            [replacedIds],
          );
          await client.query('DELETE FROM observables WHERE object_id = ANY($1::text[])', [replacedIds]);
          await client.query(
            `DELETE FROM relationships WHERE id = ANY($1::text[]) OR (source_ref = ANY($1::text[]) AND id LIKE 'ref:%')`,
            [replacedIds],
          );
          await writeObjects(
            client,
            batch.replaced.map((r) => r.row),
            true,
          );
        }
        const all = [...batch.created, ...batch.replaced];
        await writeChildren(
          client,
          all.flatMap((c) => c.observables),
          all.flatMap((c) => c.relationships),
        );
        if (batch.older.length > 0) {
          await client.query(
            `INSERT INTO object_versions (id, modified_key, json)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
            columns(batch.older, ['id', 'modified_key', 'json']),
          );
        }
        for (const bump of [0, 1]) {
          const p = batch.provenance.filter((x) => (x.bump ? 1 : 0) === bump);
          if (p.length === 0) continue;
          await client.query(
            `INSERT INTO provenance (object_id, source_id, first_seen, last_seen, times_seen, reliability, tlp)
             SELECT o, s, t, t, 1, r, l FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[]) AS u(o, s, t, r, l)
             ON CONFLICT (object_id, source_id) DO UPDATE SET
               last_seen = greatest(provenance.last_seen, excluded.last_seen),
               times_seen = provenance.times_seen + ${bump},
               reliability = excluded.reliability, tlp = excluded.tlp`,
            columns(p, ['objectId', 'sourceId', 'seen', 'reliability', 'tlp']),
          );
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
    },
  };
}
