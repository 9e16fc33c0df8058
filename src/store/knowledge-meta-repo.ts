import type { Store } from './store.ts';

export async function getKnowledgeMeta(store: Store, key: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('knowledge_meta')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

export async function setKnowledgeMeta(store: Store, key: string, value: string): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('knowledge_meta').where('key', '=', key).execute();
    await trx.insertInto('knowledge_meta').values({ key, value }).execute();
  });
}
