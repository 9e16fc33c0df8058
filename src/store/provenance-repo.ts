import type { Store } from './store.ts';

export interface ProvenanceEntry {
  objectId: string;
  source: string;
  reliability: string | null;
  tlp: string | null;
  firstSeen: string;
  lastSeen: string;
  timesSeen: number;
}

/** Provenance rows (`p`) with their object (`o`) and source (`s`). */
export function provenanceWithSources(store: Store) {
  return store.db
    .selectFrom('provenance as p')
    .innerJoin('objects as o', 'o.key', 'p.object_key')
    .innerJoin('sources as s', 's.id', 'p.source_id');
}

/** Every source that reported these objects, when first and last. */
export async function provenanceOf(store: Store, objectIds: string[]): Promise<ProvenanceEntry[]> {
  if (objectIds.length === 0) return [];
  const rows = await provenanceWithSources(store)
    .select([
      'o.id as object_id',
      's.name',
      'p.reliability',
      'p.tlp',
      'p.first_seen',
      'p.last_seen',
      'p.times_seen',
    ])
    .where('o.id', 'in', objectIds)
    .orderBy('p.first_seen')
    .execute();
  return rows.map((r) => ({
    objectId: r.object_id,
    source: r.name,
    reliability: r.reliability,
    tlp: r.tlp,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    timesSeen: Number(r.times_seen),
  }));
}

/** Objects per source name, for `intel stats`. */
export async function countBySource(store: Store): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('provenance as p')
    .innerJoin('sources as s', 's.id', 'p.source_id')
    .select(['s.name', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('s.name')
    .orderBy('s.name')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}
