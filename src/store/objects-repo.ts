import type { Store } from './store.ts';
import type { Viewer } from './viewer.ts';

export interface StoredObject {
  id: string;
  type: string;
  tlp: number;
  revoked: boolean;
  matchable: boolean | null;
  object: Record<string, unknown>;
}

function toStored(r: {
  id: string;
  type: string;
  tlp: number;
  revoked: number;
  matchable: number | null;
  json: string;
}): StoredObject {
  return {
    id: r.id,
    type: r.type,
    tlp: r.tlp,
    revoked: r.revoked === 1,
    matchable: r.matchable === null ? null : r.matchable === 1,
    object: JSON.parse(r.json) as Record<string, unknown>,
  };
}

/** The current versions of these objects that the viewer may see, in no particular order. */
export async function getObjects(store: Store, viewer: Viewer, ids: string[]): Promise<StoredObject[]> {
  if (ids.length === 0) return [];
  const rows = await store.db
    .selectFrom('objects')
    .select(['id', 'type', 'tlp', 'revoked', 'matchable', 'json'])
    .where('id', 'in', ids)
    .where('tlp', '<=', viewer.maxTlp)
    .execute();
  return rows.map(toStored);
}

export async function getObject(store: Store, viewer: Viewer, id: string): Promise<StoredObject | undefined> {
  return (await getObjects(store, viewer, [id]))[0];
}

/** Older versions of an object, newest first (the viewer must see the current one). */
export async function getVersions(store: Store, id: string): Promise<Record<string, unknown>[]> {
  const rows = await store.db
    .selectFrom('object_versions')
    .select('json')
    .where('id', '=', id)
    .orderBy('modified_key', 'desc')
    .execute();
  return rows.map((r) => JSON.parse(r.json) as Record<string, unknown>);
}

/** Object counts by STIX type, of what the viewer may see. */
export async function countByType(store: Store, viewer: Viewer): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('objects')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tlp', '<=', viewer.maxTlp)
    .groupBy('type')
    .orderBy('type')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
}
