import type { Store } from './store.ts';

export interface SourceInfo {
  id: number;
  name: string;
  reliability: string | null;
  tlp: string | null;
}

/** The source of that name, created on first use; a given reliability or TLP updates it. */
export async function ensureSource(
  store: Store,
  s: { name: string; reliability?: string; tlp?: string; now: string },
): Promise<SourceInfo> {
  const found = await store.db
    .selectFrom('sources')
    .selectAll()
    .where('name', '=', s.name)
    .executeTakeFirst();
  if (found) {
    const reliability = s.reliability ?? found.reliability;
    const tlp = s.tlp ?? found.tlp;
    if (reliability !== found.reliability || tlp !== found.tlp) {
      await store.db.updateTable('sources').set({ reliability, tlp }).where('id', '=', found.id).execute();
    }
    return { id: found.id, name: found.name, reliability, tlp };
  }
  await store.db
    .insertInto('sources')
    .values({ name: s.name, reliability: s.reliability ?? null, tlp: s.tlp ?? null, created: s.now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await store.db
    .selectFrom('sources')
    .selectAll()
    .where('name', '=', s.name)
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, reliability: row.reliability, tlp: row.tlp };
}
