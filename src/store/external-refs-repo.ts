import type { ExternalRefsTable } from './knowledge-tables.ts';
import type { Store } from './store.ts';

export type ExternalRef = ExternalRefsTable;

/** The `knowledge_meta` key of the signature of the objects the index was built from. */
export const EXTERNAL_REFS_SIGNATURE = 'external_refs.signature';

/** Replaces the whole index in one transaction, with the signature of what it was built from. */
export async function replaceExternalRefs(
  store: Store,
  rows: ExternalRef[],
  signature: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('external_refs').execute();
    for (let i = 0; i < rows.length; i += 300) {
      await trx
        .insertInto('external_refs')
        .values(rows.slice(i, i + 300))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx.deleteFrom('knowledge_meta').where('key', '=', EXTERNAL_REFS_SIGNATURE).execute();
    await trx
      .insertInto('knowledge_meta')
      .values({ key: EXTERNAL_REFS_SIGNATURE, value: signature })
      .execute();
  });
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
