import type { Store } from '../store/store.ts';

export interface BenignHit {
  list: string;
  category: string;
}

/** Warninglist hits of these canonical values (the enrichment stage records them), by `kind:value`. */
export async function benignHits(
  store: Store,
  values: { value: string; kind: string }[],
): Promise<Map<string, BenignHit[]>> {
  const out = new Map<string, BenignHit[]>();
  const distinct = [...new Set(values.map((v) => v.value))];
  for (let i = 0; i < distinct.length; i += 500) {
    const rows = await store.db
      .selectFrom('warninglist_hits')
      .select(['value', 'kind', 'list_name', 'category'])
      .where('value', 'in', distinct.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const key = `${r.kind}:${r.value}`;
      out.set(key, [...(out.get(key) ?? []), { list: r.list_name, category: r.category }]);
    }
  }
  return out;
}
