import { fitLogistic, predict, type FitOptions } from './logistic.ts';

/** Area under the ROC curve: the chance a random positive outranks a random negative (ties half). */
export function auc(scores: number[], labels: number[]): number {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  if (pos.length === 0 || neg.length === 0) return NaN;
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

export interface CalibrationBin {
  range: [number, number];
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Predicted probability against observed true-positive rate, in equal-width bins. */
export function calibration(scores: number[], labels: number[], bins = 5): CalibrationBin[] {
  return Array.from({ length: bins }, (_, b) => {
    const lo = b / bins;
    const hi = (b + 1) / bins;
    const idx = scores
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s >= lo && (s < hi || (b === bins - 1 && s <= hi)));
    const count = idx.length;
    const mean = (f: (i: number, s: number) => number) =>
      count === 0 ? 0 : idx.reduce((n, [s, i]) => n + f(i, s), 0) / count;
    return {
      range: [lo, hi],
      count,
      meanPredicted: mean((_, s) => s),
      observedRate: mean((i) => labels[i]!),
    };
  });
}

/** A deterministic shuffle (mulberry32), so cross-validation folds are the same on every run. */
function shuffled(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** k-fold cross-validation: every example predicted by a model that never saw it (pooled AUC). */
export function crossValidate(
  x: number[][],
  y: number[],
  opts: { folds: number; seed: number; fit?: FitOptions },
) {
  const order = shuffled(x.length, opts.seed);
  const predicted = new Array<number>(x.length).fill(0);
  for (let k = 0; k < opts.folds; k++) {
    const test = order.filter((_, i) => i % opts.folds === k);
    const testSet = new Set(test);
    const train = order.filter((i) => !testSet.has(i));
    const fit = fitLogistic(
      train.map((i) => x[i]!),
      train.map((i) => y[i]!),
      opts.fit,
    );
    for (const i of test) predicted[i] = predict(fit, x[i]!);
  }
  return { auc: auc(predicted, y), calibration: calibration(predicted, y) };
}
