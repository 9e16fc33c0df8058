import { getObjects } from '../../store/objects-repo.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from '../../store/viewer.ts';
import { isCurrent, toAttackObject, type AttackObject } from './attack-object.ts';

/** At most this many relationships of one kind are read for one object. */
const MAX_RELATED = 5000;

/**
 * The current objects related to `id` by current relationships of one type, in one direction
 * (`in`: they point at it, as sub-techniques do with `subtechnique-of`), by external id.
 */
export async function relatedCurrent(
  store: Store,
  viewer: Viewer,
  opts: { id: string; relationshipType: string; direction: 'in' | 'out' },
): Promise<AttackObject[]> {
  const [near, far] =
    opts.direction === 'in'
      ? (['target_ref', 'source_ref'] as const)
      : (['source_ref', 'target_ref'] as const);
  const rows = await store.db
    .selectFrom('relationships')
    .select(['id', near, far])
    .where(near, '=', opts.id)
    .where('relationship_type', '=', opts.relationshipType)
    .limit(MAX_RELATED)
    .execute();
  const sros = new Map(
    (
      await getObjects(
        store,
        viewer,
        rows.map((r) => r.id),
      )
    ).map((o) => [o.id, o]),
  );
  const keep = rows.filter((r) => {
    const sro = sros.get(r.id);
    return sro !== undefined && isCurrent(sro.object);
  });
  const others = await getObjects(store, viewer, [
    ...new Set(keep.map((r) => (r as Record<string, string>)[far]!)),
  ]);
  return others
    .filter((o) => isCurrent(o.object))
    .map(toAttackObject)
    .sort((a, b) => (a.externalId ?? a.id).localeCompare(b.externalId ?? b.id));
}
