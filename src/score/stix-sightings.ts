import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';

/**
 * Imported STIX sightings (stored as objects with a `sighting-of` relationship row) of these
 * objects: total `count` (STIX 2.1 §5.7: absent means 1) and the latest `last_seen`.
 */
export async function stixSightings(
  store: Store,
  viewer: Viewer,
  ids: string[],
): Promise<Map<string, { count: number; last: string }>> {
  const out = new Map<string, { count: number; last: string }>();
  if (ids.length === 0) return out;
  const rows = await store.db
    .selectFrom('relationships as r')
    .innerJoin('objects as o', 'o.id', 'r.source_ref')
    .select(['r.target_ref', 'o.json'])
    .where('r.target_ref', 'in', ids)
    .where('r.relationship_type', '=', 'sighting-of')
    .where('o.tlp', '<=', viewer.maxTlp)
    .limit(10_000)
    .execute();
  for (const r of rows) {
    const s = JSON.parse(r.json) as {
      count?: unknown;
      last_seen?: unknown;
      first_seen?: unknown;
      modified?: unknown;
    };
    const count = typeof s.count === 'number' && s.count >= 0 ? s.count : 1;
    const seen =
      [s.last_seen, s.first_seen, s.modified].find((v): v is string => typeof v === 'string') ?? '';
    const prev = out.get(r.target_ref);
    out.set(r.target_ref, {
      count: (prev?.count ?? 0) + count,
      last: prev && prev.last > seen ? prev.last : seen,
    });
  }
  return out;
}
