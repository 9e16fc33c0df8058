import { AppError } from '../core/errors.ts';
import { saveModel } from '../store/score-models-repo.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';
import { latestVerdicts } from '../store/verdicts-repo.ts';
import { crossValidate, type CalibrationBin } from './evaluate.ts';
import { FEATURES, type FeatureVector } from './features.ts';
import { fitLogistic } from './logistic.ts';
import type { ScoreModel } from './model.ts';
import { recomputeAll } from './recompute.ts';
import type { ScoreSettings } from './settings.ts';

/** Fewer verdicts than this, or fewer of either class than the folds, cannot be trained on. */
export const MIN_VERDICTS = 10;
export const FOLDS = 5;

export interface TrainResult {
  version: number;
  verdicts: { tp: number; fp: number };
  auc: number;
  calibration: CalibrationBin[];
  weights: FeatureVector;
  rescored: number;
}

const vector = (values: number[]) =>
  Object.fromEntries(FEATURES.map((f, j) => [f, values[j]!])) as FeatureVector;

/**
 * Fits the logistic score model on the analysts' latest verdicts, reports its k-fold
 * cross-validated AUC and calibration, keeps it as the next model version and rescores
 * everything with it.
 */
export async function trainScoreModel(
  store: Store,
  viewer: Viewer,
  opts: { settings: ScoreSettings; now: Date; seed?: number },
): Promise<TrainResult> {
  const verdicts = await latestVerdicts(store);
  const tp = verdicts.filter((v) => v.verdict === 'tp').length;
  const fp = verdicts.length - tp;
  if (tp === 0 || fp === 0)
    throw new AppError(
      'INVALID_INPUT',
      `training needs true and false positives; the verdicts hold ${tp} tp and ${fp} fp`,
    );
  if (verdicts.length < MIN_VERDICTS || tp < FOLDS || fp < FOLDS)
    throw new AppError(
      'INVALID_INPUT',
      `training needs at least ${MIN_VERDICTS} verdicts and ${FOLDS} of each class; there are ${tp} tp and ${fp} fp`,
    );
  const x = verdicts.map((v) => FEATURES.map((f) => v.features[f] ?? 0));
  const y = verdicts.map((v) => (v.verdict === 'tp' ? 1 : 0));
  const cv = crossValidate(x, y, { folds: FOLDS, seed: opts.seed ?? 1 });
  const fit = fitLogistic(x, y);
  const model: Omit<ScoreModel, 'version'> = {
    bias: fit.bias,
    weights: vector(fit.weights),
    means: vector(fit.means),
    sds: vector(fit.sds),
  };
  const version = await saveModel(store, {
    created: opts.now.toISOString(),
    model,
    metrics: { auc: cv.auc, calibration: cv.calibration, tp, fp, folds: FOLDS },
  });
  const { scored } = await recomputeAll(store, viewer, {
    settings: opts.settings,
    now: opts.now,
    model: { ...model, version },
  });
  return {
    version,
    verdicts: { tp, fp },
    auc: cv.auc,
    calibration: cv.calibration,
    weights: model.weights,
    rescored: scored,
  };
}
