import type { Store } from './store.ts';
import type { Viewer } from './viewer.ts';

export interface StoredScore {
  objectId: string;
  score: number;
  base: number;
  t0: string | null;
  /** When the score falls below the decay threshold (null: never). */
  decaysAt: string | null;
  factors: unknown;
  modelVersion: number;
  computed: string;
}

export async function saveScores(store: Store, scores: StoredScore[]): Promise<void> {
  for (let i = 0; i < scores.length; i += 500) {
    const rows = scores.slice(i, i + 500).map((s) => ({
      object_id: s.objectId,
      score: s.score,
      base: s.base,
      t0: s.t0,
      decays_at: s.decaysAt,
      factors: JSON.stringify(s.factors),
      model_version: s.modelVersion,
      computed: s.computed,
    }));
    await store.db
      .insertInto('scores')
      .values(rows)
      .onConflict((oc) =>
        oc.column('object_id').doUpdateSet((eb) => ({
          score: eb.ref('excluded.score'),
          base: eb.ref('excluded.base'),
          t0: eb.ref('excluded.t0'),
          decays_at: eb.ref('excluded.decays_at'),
          factors: eb.ref('excluded.factors'),
          model_version: eb.ref('excluded.model_version'),
          computed: eb.ref('excluded.computed'),
        })),
      )
      .execute();
  }
}

/** The stored scores of these objects, of what the viewer may see. */
export async function getScores(
  store: Store,
  viewer: Viewer,
  ids: string[],
): Promise<Map<string, StoredScore>> {
  const out = new Map<string, StoredScore>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db
      .selectFrom('scores as s')
      .innerJoin('objects as o', 'o.id', 's.object_id')
      .selectAll('s')
      .where('s.object_id', 'in', ids.slice(i, i + 500))
      .where('o.tlp', '<=', viewer.maxTlp)
      .execute();
    for (const r of rows)
      out.set(r.object_id, {
        objectId: r.object_id,
        score: Number(r.score),
        base: Number(r.base),
        t0: r.t0,
        decaysAt: r.decays_at,
        factors: JSON.parse(r.factors) as unknown,
        modelVersion: Number(r.model_version),
        computed: r.computed,
      });
  }
  return out;
}

/**
 * Ids of the objects whose score has decayed below the threshold by `now` (ISO): exports and
 * matching leave them out; search still finds them.
 */
export async function decayedObjectIds(
  store: Store,
  opts: { now: string; after?: string; limit: number },
): Promise<string[]> {
  let q = store.db
    .selectFrom('scores')
    .select('object_id')
    .where('decays_at', '<=', opts.now)
    .orderBy('object_id')
    .limit(opts.limit);
  if (opts.after !== undefined) q = q.where('object_id', '>', opts.after);
  return (await q.execute()).map((r) => r.object_id);
}
