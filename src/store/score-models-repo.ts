import type { Store } from './store.ts';

export interface StoredModel {
  version: number;
  created: string;
  model: unknown;
  metrics: unknown;
}

/** Keeps a trained model as the next version, which becomes the current one. */
export async function saveModel(
  store: Store,
  m: { created: string; model: unknown; metrics: unknown },
): Promise<number> {
  const last = await store.db
    .selectFrom('score_models')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await store.db
    .insertInto('score_models')
    .values({
      version,
      created: m.created,
      model: JSON.stringify(m.model),
      metrics: JSON.stringify(m.metrics),
    })
    .execute();
  return version;
}

/** The current (latest) model, if any was trained. */
export async function currentModel(store: Store): Promise<StoredModel | undefined> {
  const r = await store.db
    .selectFrom('score_models')
    .selectAll()
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? {
        version: Number(r.version),
        created: r.created,
        model: JSON.parse(r.model) as unknown,
        metrics: JSON.parse(r.metrics) as unknown,
      }
    : undefined;
}
