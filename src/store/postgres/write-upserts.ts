import type { PoolClient } from 'pg';
import type { CreatedElsewhere, IngestBatch, ObjectRow, ProvenanceWrite } from '../ingest-writer.ts';
import { OBJECT_COLUMNS, OBJECT_NAMES, OBSERVABLE_NAMES, RELATIONSHIP_NAMES } from './ingest-columns.ts';

/** An object whose key is known, with its observables and relationships. */
type Entry = IngestBatch['replaced'][number];
type ExistingPart = Pick<IngestBatch, 'replaced' | 'older' | 'provenance'>;

const NAMES = OBJECT_NAMES.join(', ');
const UNNEST = OBJECT_COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
const SET = OBJECT_NAMES.filter((c) => c !== 'id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/** Column arrays for `unnest`: one round trip per table per batch, whatever the batch size. */
function columns<T>(rows: T[], keys: readonly (keyof T)[]): unknown[][] {
  return keys.map((k) => rows.map((r) => r[k] ?? null));
}

async function upsertObjects(client: PoolClient, rows: ObjectRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO objects (${NAMES}) SELECT * FROM unnest(${UNNEST}) ON CONFLICT (id) DO UPDATE SET ${SET}`,
    columns(rows, OBJECT_NAMES),
  );
}

/**
 * Inserts the objects whose id is free and returns their ids with the keys they got; the
 * others are left as they are.
 */
async function insertNewObjects(client: PoolClient, rows: ObjectRow[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const res = await client.query<{ id: string; key: string }>(
    `INSERT INTO objects (${NAMES}) SELECT * FROM unnest(${UNNEST}) ON CONFLICT (id) DO NOTHING RETURNING id, key`,
    columns(rows, OBJECT_NAMES),
  );
  return new Map(res.rows.map((r) => [r.id, Number(r.key)]));
}

async function writeChildren(client: PoolClient, entries: Entry[]): Promise<void> {
  const observables = entries.flatMap((e) => e.observables.map((o) => ({ ...o, object_key: e.key })));
  const relationships = entries.flatMap((e) => e.relationships);
  if (observables.length > 0) {
    await client.query(
      `INSERT INTO observables (value, kind, object_key, range_lo, range_hi)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`,
      columns(observables, OBSERVABLE_NAMES),
    );
  }
  if (relationships.length > 0) {
    await client.query(
      `INSERT INTO relationships (id, source_ref, relationship_type, target_ref)
       SELECT DISTINCT ON (id) * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, s, t, g)
       ON CONFLICT (id) DO UPDATE SET source_ref = excluded.source_ref,
         relationship_type = excluded.relationship_type, target_ref = excluded.target_ref`,
      columns(relationships, RELATIONSHIP_NAMES),
    );
  }
}

/** The current versions move to object_versions, their index rows go, then the rows are replaced. */
async function replaceObjects(client: PoolClient, entries: Entry[]): Promise<void> {
  if (entries.length === 0) return;
  const ids = entries.map((r) => r.row.id);
  await client.query(
    `INSERT INTO object_versions (id, modified_key, json)
     SELECT id, coalesce(modified_key, ''), json FROM objects WHERE id = ANY($1::text[]) ON CONFLICT DO NOTHING`,
    [ids],
  );
  await client.query('DELETE FROM observables WHERE object_key = ANY($1::bigint[])', [
    entries.map((r) => r.key),
  ]);
  await client.query(
    `DELETE FROM relationships WHERE id = ANY($1::text[]) OR (source_ref = ANY($1::text[]) AND id LIKE 'ref:%')`,
    [ids],
  );
  await upsertObjects(
    client,
    entries.map((r) => r.row),
  );
  await writeChildren(client, entries);
}

/**
 * Everything of a batch but its created objects: replacements, history rows, and provenance
 * (which may exist already, so it is upserted; `bump` decides whether times_seen grows). The
 * provenance is of objects that existed before the batch, whose keys the plan knows.
 */
export async function writeExisting(client: PoolClient, part: ExistingPart): Promise<void> {
  await replaceObjects(client, part.replaced);
  if (part.older.length > 0) {
    await client.query(
      `INSERT INTO object_versions (id, modified_key, json)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      columns(part.older, ['id', 'modified_key', 'json']),
    );
  }
  for (const bump of [0, 1]) {
    const p = part.provenance.filter((x) => (x.bump ? 1 : 0) === bump);
    if (p.length === 0) continue;
    await client.query(
      `INSERT INTO provenance (object_key, source_id, first_seen, last_seen, times_seen, reliability, tlp)
       SELECT o, s, t, t, 1, r, l FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[]) AS u(o, s, t, r, l)
       ON CONFLICT (object_key, source_id) DO UPDATE SET
         last_seen = greatest(provenance.last_seen, excluded.last_seen),
         times_seen = provenance.times_seen + ${bump},
         reliability = excluded.reliability, tlp = excluded.tlp`,
      columns(p, ['objectKey', 'sourceId', 'seen', 'reliability', 'tlp']),
    );
  }
}

function isNewer(a: string | null, b: string | null): boolean {
  return a !== null && (b === null || a > b);
}

/**
 * Writes a whole batch with statements that tolerate rows written by another client since
 * the batch was planned. A "created" object whose id has appeared meanwhile is merged as
 * ingest would have merged it had it seen that row: a newer `modified` replaces it (unless it
 * is revoked), anything else leaves it current, is kept in the history, and counts no sighting.
 * The batch no longer says whether an object is versioned, so a derived object (from a bare
 * value) that lost such a race is compared by `modified` too. Returns what became of those objects.
 */
export async function writeByUpsert(client: PoolClient, batch: IngestBatch): Promise<CreatedElsewhere> {
  const inserted = await insertNewObjects(
    client,
    batch.created.map((c) => c.row),
  );
  const keys = new Map(inserted);
  const clashing = batch.created.filter((c) => !inserted.has(c.row.id));
  const replaced = [...batch.replaced];
  const older = [...batch.older];
  const unchanged = new Set<string>();
  const outcomes = new Map<string, 'updated' | 'unchanged'>();
  if (clashing.length > 0) {
    const current = await client.query<{
      id: string;
      key: string;
      modified_key: string | null;
      revoked: number;
    }>('SELECT id, key, modified_key, revoked FROM objects WHERE id = ANY($1::text[]) FOR UPDATE', [
      clashing.map((c) => c.row.id),
    ]);
    const byId = new Map(current.rows.map((r) => [r.id, r]));
    for (const c of clashing) {
      const cur = byId.get(c.row.id)!;
      const key = Number(cur.key);
      keys.set(c.row.id, key);
      if (cur.revoked !== 1 && isNewer(c.row.modified_key, cur.modified_key)) {
        replaced.push({ ...c, key });
        outcomes.set(c.row.id, 'updated');
      } else {
        unchanged.add(c.row.id);
        outcomes.set(c.row.id, 'unchanged');
        if (c.row.modified_key !== null && c.row.modified_key !== cur.modified_key)
          older.push({ id: c.row.id, modified_key: c.row.modified_key, json: c.row.json });
      }
    }
  }
  await writeChildren(
    client,
    batch.created.flatMap((c) => {
      const key = inserted.get(c.row.id);
      return key === undefined ? [] : [{ ...c, key }];
    }),
  );
  await writeExisting(client, {
    replaced,
    older,
    provenance: batch.provenance.map((p): ProvenanceWrite => ({
      ...p,
      objectKey: p.objectKey ?? keys.get(p.objectId)!,
      bump: p.bump && !unchanged.has(p.objectId),
    })),
  });
  return outcomes;
}
