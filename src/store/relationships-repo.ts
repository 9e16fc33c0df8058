import type { Store } from './store.ts';

export interface Neighbour {
  relationshipId: string;
  relationshipType: string;
  direction: 'out' | 'in';
  otherId: string;
}

/** The objects one hop away from an object, in both directions, at most `limit` of them. */
export async function neighbours(store: Store, id: string, limit = 200): Promise<Neighbour[]> {
  const out = await store.db
    .selectFrom('relationships')
    .select(['id', 'relationship_type', 'target_ref'])
    .where('source_ref', '=', id)
    .limit(limit)
    .execute();
  const incoming = await store.db
    .selectFrom('relationships')
    .select(['id', 'relationship_type', 'source_ref'])
    .where('target_ref', '=', id)
    .limit(limit)
    .execute();
  return [
    ...out.map((r) => ({
      relationshipId: r.id,
      relationshipType: r.relationship_type,
      direction: 'out' as const,
      otherId: r.target_ref,
    })),
    ...incoming.map((r) => ({
      relationshipId: r.id,
      relationshipType: r.relationship_type,
      direction: 'in' as const,
      otherId: r.source_ref,
    })),
  ].slice(0, limit);
}
