import { sql } from 'kysely';
import type { WarninglistHitsTable } from './schema.ts';
import type { Store } from './store.ts';

export type WarninglistHitRow = WarninglistHitsTable;

export interface ValueKey {
  value: string;
  kind: string;
}

/** 4 parameters a row: well under PostgreSQL's 65,535 bind parameters a statement. */
const CHUNK = 2000;

/** Records hits; a hit already recorded stays as it is. */
export async function insertWarninglistHits(store: Store, rows: readonly WarninglistHitRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await store.db
      .insertInto('warninglist_hits')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.columns(['value', 'kind', 'list_name']).doNothing())
      .execute();
  }
}

/** Replaces every recorded hit with `rows`, in one transaction: readers never see none. */
export async function replaceAllWarninglistHits(
  store: Store,
  rows: readonly WarninglistHitRow[],
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('warninglist_hits').execute();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('warninglist_hits')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
  });
}

/** The lists a canonical value is on. */
export async function warninglistHitsOf(
  store: Store,
  key: ValueKey,
): Promise<{ name: string; category: string }[]> {
  const rows = await store.db
    .selectFrom('warninglist_hits')
    .select(['list_name', 'category'])
    .where('value', '=', key.value)
    .where('kind', '=', key.kind)
    .orderBy('list_name')
    .execute();
  return rows.map((r) => ({ name: r.list_name, category: r.category }));
}

/** Number of hits of each list, by name. */
export async function countWarninglistHits(store: Store): Promise<Record<string, number>> {
  const rows = await store.db
    .selectFrom('warninglist_hits')
    .select(['list_name', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('list_name')
    .orderBy('list_name')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.list_name, Number(r.n)]));
}

/**
 * One page of the distinct (value, kind) pairs of the observables index, in key order after
 * `after`: a keyset walk over the primary key, so a scan of millions costs one pass.
 */
export async function observableKeysAfter(
  store: Store,
  after: ValueKey | null,
  limit: number,
): Promise<ValueKey[]> {
  let q = store.db.selectFrom('observables').select(['value', 'kind']).distinct();
  if (after) q = q.where(sql<boolean>`(value, kind) > (${after.value}, ${after.kind})`);
  return q.orderBy('value').orderBy('kind').limit(limit).execute();
}
