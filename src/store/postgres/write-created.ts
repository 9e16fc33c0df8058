import type { PoolClient } from 'pg';
import type { ObjectWrite, ProvenanceWrite } from '../ingest-writer.ts';
import type { ObservableRow, RelationshipsTable } from '../schema.ts';
import { copyInto } from './copy.ts';
import {
  OBJECT_NAMES,
  OBSERVABLE_NAMES,
  PROVENANCE_NAMES,
  RELATIONSHIP_NAMES,
  valuesOf,
} from './ingest-columns.ts';

/** An object's observables once each (a pattern may name the same value twice). */
function distinctObservables(entry: ObjectWrite): ObservableRow[] {
  const seen = new Set<string>();
  // Kinds are short fixed names without spaces, so kind + ' ' + value is unambiguous.
  return entry.observables.filter((o) => {
    const key = `${o.kind} ${o.value}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Relationship rows once per id (an object may list the same ref twice). */
function distinctRelationships(entries: ObjectWrite[]): RelationshipsTable[] {
  const seen = new Set<string>();
  return entries.flatMap((e) =>
    e.relationships.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true))),
  );
}

/**
 * The objects of a batch that did not exist when it was planned, with their index and
 * provenance rows, by COPY: plain appends, no conflict handling. That is safe because every
 * row keyed to an object is written in the transaction that writes the object, and nothing
 * deletes objects: an object id that is new to `objects` has no observables, relationships
 * (their ids are the object's own id or `ref:<object id>:…`) nor provenance yet. If another
 * client created one of these ids meanwhile, the COPY of `objects` fails on the primary key
 * (waiting for that client's commit if need be) and the caller writes the batch again by upsert.
 */
export async function copyCreated(client: PoolClient, created: ObjectWrite[], provenance: ProvenanceWrite[]) {
  if (created.length === 0) return;
  const keys = await reserveKeys(client, created.length);
  const keyOf = new Map(created.map((c, i) => [c.row.id, keys[i]!]));
  await copyInto(
    client,
    'objects',
    [...OBJECT_NAMES, 'key'],
    created.map((c, i) => [...valuesOf(c.row, OBJECT_NAMES), keys[i]]),
  );
  await copyInto(
    client,
    'observables',
    OBSERVABLE_NAMES,
    created.flatMap((c, i) =>
      distinctObservables(c).map((o) => valuesOf({ ...o, object_key: keys[i]! }, OBSERVABLE_NAMES)),
    ),
  );
  await copyInto(
    client,
    'relationships',
    RELATIONSHIP_NAMES,
    distinctRelationships(created).map((r) => valuesOf(r, RELATIONSHIP_NAMES)),
  );
  // A first sighting: the row is new, so times_seen starts at 1 whatever `bump` says.
  await copyInto(
    client,
    'provenance',
    PROVENANCE_NAMES,
    provenance.map((p) => [keyOf.get(p.objectId), p.sourceId, p.seen, p.seen, 1, p.reliability, p.tlp]),
  );
}

/**
 * Keys for `count` new objects from the sequence behind `objects.key`, in one round trip:
 * COPY cannot return the keys the column's default would give.
 */
async function reserveKeys(client: PoolClient, count: number): Promise<number[]> {
  const res = await client.query<{ key: string }>(
    "SELECT nextval(pg_get_serial_sequence('objects', 'key')) AS key FROM generate_series(1, $1::int)",
    [count],
  );
  return res.rows.map((r) => Number(r.key));
}
