import { describe, expect, it } from 'vitest';
import type { View } from '../conditions/evaluate.ts';
import { rateImpact } from './impact.ts';
import { DEFAULT_MATRIX, rate } from './matrix.ts';
import { effectivenessOf, reduceLikelihood } from './residual.ts';

const view = (fields: Record<string, unknown>): View => ({ id: 'x', ...fields });

describe('risk matrix', () => {
  it('bands the product of likelihood and impact by default', () => {
    expect(rate(DEFAULT_MATRIX, 1, 4)).toEqual({ likelihood: 1, impact: 4, score: 4, band: 'low' });
    expect(rate(DEFAULT_MATRIX, 3, 3).band).toBe('medium');
    expect(rate(DEFAULT_MATRIX, 2, 5).band).toBe('high');
    expect(rate(DEFAULT_MATRIX, 4, 4).band).toBe('high');
    expect(rate(DEFAULT_MATRIX, 4, 5).band).toBe('critical');
  });

  it('uses a configured matrix and refuses values outside 1–5', () => {
    const allHigh = DEFAULT_MATRIX.map((row) => row.map(() => 'high' as const));
    expect(rate(allHigh, 1, 1).band).toBe('high');
    expect(() => rate(DEFAULT_MATRIX, 6, 1)).toThrow(RangeError);
  });
});

describe('impact', () => {
  it('takes the highest rating of the rule dimensions and raises it for criticality', () => {
    const v = view({ confidentiality: 3, integrity: 2, availability: 4, criticality: 5 });
    expect(rateImpact({ view: v, dimensions: ['C', 'I'], stride: 'information-disclosure' }).value).toBe(4);
    expect(rateImpact({ view: v, dimensions: ['A'], stride: 'denial-of-service' }).value).toBe(5);
  });

  it('counts every dimension for elevation of privilege', () => {
    const v = view({ confidentiality: 2, integrity: 2, availability: 4, criticality: 4 });
    expect(rateImpact({ view: v, dimensions: ['C'], stride: 'elevation-of-privilege' }).value).toBe(4);
  });

  it('falls back to the data handled, then the STRIDE baseline', () => {
    expect(
      rateImpact({
        view: view({ confidentiality: 0, data: ['card-data'] }),
        dimensions: ['C'],
        stride: 'tampering',
      }),
    ).toEqual({
      value: 4,
      factors: [{ stage: 'impact', label: 'handles card-data (no rated asset)', value: 4 }],
    });
    expect(rateImpact({ view: view({ data: [] }), dimensions: ['I'], stride: 'repudiation' }).value).toBe(2);
  });
});

describe('residual likelihood', () => {
  it('combines independent mitigations and rounds up', () => {
    expect(reduceLikelihood(5, [{ title: 'a', effectiveness: 0.5 }], 'current').value).toBe(3);
    expect(
      reduceLikelihood(
        5,
        [
          { title: 'a', effectiveness: 0.5 },
          { title: 'b', effectiveness: 0.5 },
        ],
        'current',
      ).value,
    ).toBe(2);
    expect(reduceLikelihood(5, [{ title: 'a', effectiveness: 1 }], 'current').value).toBe(1);
    expect(reduceLikelihood(4, [], 'projected')).toEqual({ value: 4, factors: [] });
  });

  it('maps named effectiveness levels', () => {
    expect([
      effectivenessOf({ effectiveness: 'low' }),
      effectivenessOf({ effectiveness: 'high' }),
      effectivenessOf({ effectiveness: 0.25 }),
    ]).toEqual([0.3, 0.9, 0.25]);
  });
});
