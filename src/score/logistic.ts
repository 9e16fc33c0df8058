import { sigmoid } from './model.ts';

export interface LogisticFit {
  bias: number;
  weights: number[];
  means: number[];
  sds: number[];
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias). */
  l2: number;
  learningRate: number;
  iterations: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 0.01, learningRate: 0.5, iterations: 2000 };

/** Column means and standard deviations; a constant column gets sd 1 (and learns weight 0). */
function standardization(x: number[][]): { means: number[]; sds: number[] } {
  const d = x[0]?.length ?? 0;
  const means = Array.from({ length: d }, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / x.length);
  const sds = means.map((m, j) => {
    const v = x.reduce((s, r) => s + (r[j]! - m) ** 2, 0) / x.length;
    return v > 1e-12 ? Math.sqrt(v) : 1;
  });
  return { means, sds };
}

/** Logistic regression by batch gradient descent on standardized features, with L2. */
export function fitLogistic(x: number[][], y: number[], opts: FitOptions = DEFAULT_FIT): LogisticFit {
  const { means, sds } = standardization(x);
  const z = x.map((r) => r.map((v, j) => (v - means[j]!) / sds[j]!));
  const d = means.length;
  const n = x.length;
  let bias = 0;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < opts.iterations; it++) {
    let gb = 0;
    const gw = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      const row = z[i]!;
      const err = sigmoid(bias + row.reduce((s, v, j) => s + v * w[j]!, 0)) - y[i]!;
      gb += err;
      for (let j = 0; j < d; j++) gw[j]! += err * row[j]!;
    }
    bias -= (opts.learningRate * gb) / n;
    for (let j = 0; j < d; j++) w[j]! -= opts.learningRate * (gw[j]! / n + opts.l2 * w[j]!);
  }
  return { bias, weights: w, means, sds };
}

export function predict(fit: LogisticFit, row: number[]): number {
  return sigmoid(
    fit.bias + row.reduce((s, v, j) => s + (fit.weights[j]! * (v - fit.means[j]!)) / fit.sds[j]!, 0),
  );
}
