import type { Store } from './store.ts';

/** One saved analysis of a model; `result` is the analysis as JSON text. */
export interface SavedAnalysis {
  id: number;
  modelName: string;
  /** The model document's own `version` field. */
  modelVersion: string;
  /** SHA-256 of the model's canonical JSON: tells an edited model from the same one. */
  modelDigest: string;
  created: string;
  result: string;
}

export async function saveAnalysis(store: Store, a: Omit<SavedAnalysis, 'id'>): Promise<number> {
  const row = await store.db
    .insertInto('analyses')
    .values({
      model_name: a.modelName,
      model_version: a.modelVersion,
      model_digest: a.modelDigest,
      created: a.created,
      result: a.result,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The most recently saved analysis of a model, if any. */
export async function latestAnalysis(store: Store, modelName: string): Promise<SavedAnalysis | undefined> {
  const r = await store.db
    .selectFrom('analyses')
    .selectAll()
    .where('model_name', '=', modelName)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? {
        id: Number(r.id),
        modelName: r.model_name,
        modelVersion: r.model_version,
        modelDigest: r.model_digest,
        created: r.created,
        result: r.result,
      }
    : undefined;
}
