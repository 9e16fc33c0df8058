import { observablesWithObjects } from '../store/observables-repo.ts';
import { currentModel } from '../store/score-models-repo.ts';
import { saveScores } from '../store/scores-repo.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';
import { gatherEvidence } from './evidence.ts';
import { parseModel, PRIOR_MODEL, type ScoreModel } from './model.ts';
import { scoreOf, type ScoreResult } from './score.ts';
import type { ScoreSettings } from './settings.ts';

const BATCH = 500;

/** The current trained model, or the documented prior while none was trained. */
export async function activeModel(store: Store): Promise<ScoreModel> {
  const m = await currentModel(store);
  return m ? parseModel(m.version, m.model) : PRIOR_MODEL;
}

export interface ScoreRun {
  settings: ScoreSettings;
  now: Date;
  model?: ScoreModel;
}

/** Scores these objects with the current model and keeps each latest score. */
export async function scoreObjects(
  store: Store,
  viewer: Viewer,
  ids: string[],
  run: ScoreRun,
): Promise<ScoreResult[]> {
  const model = run.model ?? (await activeModel(store));
  const out: ScoreResult[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const evidence = await gatherEvidence(store, viewer, ids.slice(i, i + BATCH), run.settings);
    const results = evidence.map((e) => scoreOf(e, { model, settings: run.settings, now: run.now }));
    await saveScores(
      store,
      results.map((r) => ({
        objectId: r.objectId,
        score: r.score,
        base: r.base,
        t0: r.decay.t0,
        decaysAt: r.decaysAt,
        factors: { factors: r.factors, decay: r.decay, cap: r.cap },
        modelVersion: r.modelVersion,
        computed: run.now.toISOString(),
      })),
    );
    out.push(...results);
  }
  return out;
}

/** Recomputes the score of every object that carries an observable value, in batches. */
export async function recomputeAll(
  store: Store,
  viewer: Viewer,
  run: ScoreRun,
): Promise<{ scored: number; modelVersion: number }> {
  const model = run.model ?? (await activeModel(store));
  let after = 0;
  let scored = 0;
  for (;;) {
    const rows = await observablesWithObjects(store)
      .select(['v.object_key', 'o.id'])
      .distinct()
      .where('v.object_key', '>', after)
      .orderBy('v.object_key')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = Number(rows.at(-1)!.object_key); // PostgreSQL returns a bigint as a string
    scored += (
      await scoreObjects(
        store,
        viewer,
        rows.map((r) => r.id),
        { ...run, model },
      )
    ).length;
  }
  return { scored, modelVersion: model.version };
}
