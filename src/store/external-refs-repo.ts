import type { ExternalRefsTable } from './knowledge-tables.ts';
import type { Store } from './store.ts';

export type ExternalRef = ExternalRefsTable;

/** Replaces the whole index in one transaction. */
export async function replaceExternalRefs(store: Store, rows: ExternalRef[], signature: string): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('external_refs').execute();
    for (let i = 0; i < rows.length; i += 300) {
      await trx
        .insertInto('external_refs')
        .values(rows.slice(i, i + 300))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx.deleteFrom('knowledge_meta').where('key', '=', 'external_refs.signature').execute();
    await trx.insertInto('knowledge_meta').values({ key: 'external_refs.signature', value: signature }).execute();
  });
}

export async function externalRefsSignature(store: Store): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('knowledge_meta')
    .select('value')
    .where('key', '=', 'external_refs.signature')
    .executeTakeFirst();
  return row?.value;
}

/** The objects that carry an external id, optionally of one source (`mitre-attack`, `capec`…). */
export async function objectsWithExternalId(
  store: Store,
  externalId: string,
  sourceNames?: readonly string[],
): Promise<ExternalRef[]> {
  let q = store.db.selectFrom('external_refs').selectAll().where('external_id', '=', externalId);
  if (sourceNames) q = q.where('source_name', 'in', [...sourceNames]);
  return q.orderBy('object_id').execute();
}

/** The external ids these objects carry, optionally of some sources only. */
export async function externalIdsOf(
  store: Store,
  objectIds: string[],
  sourceNames?: readonly string[],
): Promise<ExternalRef[]> {
  if (objectIds.length === 0) return [];
  let q = store.db.selectFrom('external_refs').selectAll().where('object_id', 'in', objectIds);
  if (sourceNames) q = q.where('source_name', 'in', [...sourceNames]);
  return q.orderBy('external_id').execute();
}
