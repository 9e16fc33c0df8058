import type { Store } from './store.ts';

/** The stored organization profile: one JSON value per key. */
export async function readOrgProfile(store: Store): Promise<Map<string, unknown>> {
  const rows = await store.db.selectFrom('org_profile').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

/** Replaces the given keys (and only those) in one transaction. */
export async function writeOrgProfile(
  store: Store,
  values: Record<string, unknown>,
  now: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(values)) {
      await trx.deleteFrom('org_profile').where('key', '=', key).execute();
      await trx
        .insertInto('org_profile')
        .values({ key, value: JSON.stringify(value), updated: now })
        .execute();
    }
  });
}
