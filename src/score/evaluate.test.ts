import { describe, expect, it } from 'vitest';
import { auc, calibration, crossValidate } from './evaluate.ts';
import { fitLogistic, predict } from './logistic.ts';

describe('logistic regression and its evaluation', () => {
  it('AUC is 1 for a perfect ranking, 0 for a reversed one, 0.5 for ties', () => {
    expect(auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(auc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
    expect(auc([0.5, 0.5], [1, 0])).toBe(0.5);
  });

  it('calibration bins count every prediction once', () => {
    const bins = calibration([0, 0.1, 0.5, 0.99, 1], [0, 0, 1, 1, 1]);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(5);
    expect(bins.at(-1)).toMatchObject({ count: 2, observedRate: 1 });
  });

  it('learns a weight of the right sign and ignores a constant feature', () => {
    const x = Array.from({ length: 40 }, (_, i) => [i % 2 === 0 ? 1 + i / 100 : -1 - i / 100, 3]);
    const y = x.map((r) => (r[0]! > 0 ? 1 : 0));
    const fit = fitLogistic(x, y);
    expect(fit.weights[0]).toBeGreaterThan(1);
    expect(fit.weights[1]).toBe(0);
    expect(predict(fit, [1.2, 3])).toBeGreaterThan(0.9);
    expect(crossValidate(x, y, { folds: 5, seed: 7 }).auc).toBe(1);
  });
});
