import type { Store } from './store.ts';

export interface ObservableHit {
  value: string;
  kind: string;
  objectId: string;
  /** `exact`, or `cidr` when the value lies inside an indexed network. */
  match: 'exact' | 'cidr';
}

/** Observable rows (`v`) with the object each belongs to (`o`), to select its id from. */
export function observablesWithObjects(store: Store) {
  return store.db.selectFrom('observables as v').innerJoin('objects as o', 'o.key', 'v.object_key');
}

/**
 * The objects that carry a canonical value; for an IP address also the indexed CIDRs that
 * contain it (fixed-width hex bounds compare as strings).
 */
export async function findObservable(
  store: Store,
  q: { kind: string; value: string; range?: { lo: string; hi: string } },
): Promise<ObservableHit[]> {
  const exact = await observablesWithObjects(store)
    .select(['v.value', 'v.kind', 'o.id as object_id'])
    .where('v.value', '=', q.value)
    .where('v.kind', '=', q.kind)
    .execute();
  const hits: ObservableHit[] = exact.map((r) => ({
    value: r.value,
    kind: r.kind,
    objectId: r.object_id,
    match: 'exact',
  }));
  if (q.range && (q.kind === 'ipv4' || q.kind === 'ipv6' || q.kind === 'cidr4' || q.kind === 'cidr6')) {
    const cidrKind = q.kind.endsWith('4') ? 'cidr4' : 'cidr6';
    const containing = await observablesWithObjects(store)
      .select(['v.value', 'v.kind', 'o.id as object_id'])
      .where('v.kind', '=', cidrKind)
      .where('v.range_lo', '<=', q.range.lo)
      .where('v.range_hi', '>=', q.range.hi)
      .where('v.value', '!=', q.value)
      .limit(1000)
      .execute();
    hits.push(
      ...containing.map((r) => ({
        value: r.value,
        kind: r.kind,
        objectId: r.object_id,
        match: 'cidr' as const,
      })),
    );
  }
  return hits;
}

/** Values that start with a prefix, for search over observable values. */
export async function findByPrefix(store: Store, prefix: string, limit: number): Promise<ObservableHit[]> {
  const rows = await observablesWithObjects(store)
    .select(['v.value', 'v.kind', 'o.id as object_id'])
    .where('v.value', '>=', prefix)
    .where('v.value', '<', `${prefix}\u{10FFFF}`)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ value: r.value, kind: r.kind, objectId: r.object_id, match: 'exact' }));
}
