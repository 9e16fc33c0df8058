import { parseObservable } from '../observables/index.ts';
import { findByPrefix, findObservable } from '../store/observables-repo.ts';
import { getObjects } from '../store/objects-repo.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';

export interface SearchHit {
  id: string;
  type: string;
  name: string | null;
  revoked: boolean;
}

/**
 * Full text over names, descriptions and aliases, plus observable values: the canonical
 * form of the query when it is a value, and values starting with it.
 */
export async function search(
  store: Store,
  viewer: Viewer,
  q: { text: string; type?: string; limit?: number },
): Promise<SearchHit[]> {
  const limit = q.limit ?? 50;
  const ids: string[] = [];
  const obs = parseObservable(q.text);
  if (obs)
    ids.push(...(await findObservable(store, { kind: obs.kind, value: obs.value })).map((h) => h.objectId));
  const prefix = q.text.trim().toLowerCase();
  if (prefix.length >= 3) ids.push(...(await findByPrefix(store, prefix, limit)).map((h) => h.objectId));
  ids.push(...(await store.textSearch(q.text, { limit: limit * 4, maxTlp: viewer.maxTlp })));
  const unique = [...new Set(ids)];
  const objects = new Map((await getObjects(store, viewer, unique)).map((o) => [o.id, o]));
  const hits: SearchHit[] = [];
  for (const id of unique) {
    const o = objects.get(id);
    if (!o || (q.type && o.type !== q.type)) continue;
    const name = o.object.name ?? o.object.value;
    hits.push({ id, type: o.type, name: typeof name === 'string' ? name : null, revoked: o.revoked });
    if (hits.length >= limit) break;
  }
  return hits;
}
