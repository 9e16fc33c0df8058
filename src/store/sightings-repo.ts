import type { Store } from './store.ts';

export interface SightingRow {
  value: string;
  kind: string;
  count: number;
  seen: string;
  where: string | null;
}

/** Records a sighting of a canonical value. */
export async function addSighting(store: Store, s: SightingRow & { recorded: string }): Promise<void> {
  await store.db
    .insertInto('sightings')
    .values({
      value: s.value,
      kind: s.kind,
      count: s.count,
      seen: s.seen,
      where_seen: s.where,
      recorded: s.recorded,
    })
    .execute();
}

/** Total count and latest time of the recorded sightings of each of these values. */
export async function sightingTotals(
  store: Store,
  values: { value: string; kind: string }[],
): Promise<Map<string, { count: number; last: string }>> {
  const out = new Map<string, { count: number; last: string }>();
  const distinct = [...new Set(values.map((v) => v.value))];
  for (let i = 0; i < distinct.length; i += 500) {
    const rows = await store.db
      .selectFrom('sightings')
      .select([
        'value',
        'kind',
        (eb) => eb.fn.sum<number>('count').as('n'),
        (eb) => eb.fn.max('seen').as('last'),
      ])
      .where('value', 'in', distinct.slice(i, i + 500))
      .groupBy(['value', 'kind'])
      .execute();
    for (const r of rows) out.set(`${r.kind}:${r.value}`, { count: Number(r.n), last: r.last });
  }
  return out;
}
