import { describe, expect, it } from 'vitest';
import type { Asset } from '../model/schema.ts';
import { type ImpactInput, rateImpact } from './impact.ts';
import { DEFAULT_MATRIX, rate } from './matrix.ts';
import { effectivenessOf, reduceLikelihood } from './residual.ts';

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
  const asset = (fields: Partial<Asset>): Asset => ({
    id: 'a',
    kind: 'data',
    confidentiality: 3,
    integrity: 3,
    availability: 3,
    ...fields,
  });
  const rated = (input: Partial<ImpactInput>) =>
    rateImpact({ assets: [], data: [], dimensions: ['C'], stride: 'information-disclosure', ...input });

  it("takes the highest rating on the rule's dimensions and raises it for a stated criticality", () => {
    const assets = [asset({ confidentiality: 3, integrity: 2, availability: 4, criticality: 5 })];
    expect(rated({ assets, dimensions: ['C', 'I'] }).value).toBe(4);
    expect(rated({ assets, dimensions: ['A'], stride: 'denial-of-service' }).value).toBe(5);
  });

  it('does not let one property borrow the default criticality of another', () => {
    const assets = [asset({ confidentiality: 5, integrity: 5, availability: 2 })];
    expect(rated({ assets, dimensions: ['A'], stride: 'denial-of-service' }).value).toBe(2);
  });

  it('raises only the asset whose own criticality exceeds its rating', () => {
    const assets = [
      asset({ id: 'records', confidentiality: 4, integrity: 3 }),
      asset({ id: 'orders', confidentiality: 2, integrity: 4, criticality: 5 }),
    ];
    expect(rated({ assets, dimensions: ['C'] }).value).toBe(4);
    expect(rated({ assets, dimensions: ['I'] }).factors).toContainEqual({
      stage: 'impact',
      label: 'asset criticality 5',
      delta: 1,
    });
  });

  it('counts every dimension for elevation of privilege', () => {
    const assets = [asset({ confidentiality: 2, integrity: 2, availability: 4 })];
    expect(rated({ assets, dimensions: ['C'], stride: 'elevation-of-privilege' }).value).toBe(4);
  });

  it('rates only the assets holding the data a profile names', () => {
    const assets = [
      asset({ id: 'catalogue', confidentiality: 2, data: ['business'] }),
      asset({ id: 'cards', confidentiality: 5, data: ['card-data'] }),
    ];
    const r = rated({ assets, profile: { data: ['business'] } });
    expect(r.value).toBe(2);
    expect(r.factors[0]).toEqual({
      stage: 'impact',
      label: 'highest C rating of the assets holding business',
      value: 2,
    });
  });

  it('caps the impact at what the threat can do by itself and says why', () => {
    const assets = [asset({ confidentiality: 5 })];
    const r = rated({ assets, profile: { cap: { value: 1, reason: 'recon only' } } });
    expect(r.value).toBe(1);
    expect(r.factors.at(-1)).toEqual({ stage: 'impact', label: 'recon only', delta: -4 });
    expect(
      rated({ assets: [asset({ confidentiality: 1 })], profile: { cap: { value: 2, reason: 'x' } } }),
    ).toEqual({
      value: 1,
      factors: [{ stage: 'impact', label: 'highest C rating of the assets touched', value: 1 }],
    });
  });

  it('falls back to the data handled, then the STRIDE baseline', () => {
    expect(rated({ data: ['card-data'], stride: 'tampering' })).toEqual({
      value: 4,
      factors: [{ stage: 'impact', label: 'handles card-data (no rated asset)', value: 4 }],
    });
    expect(rated({ data: ['logs', 'public'], profile: { data: ['logs'] } }).value).toBe(2);
    expect(rated({ data: ['pii'], dimensions: ['A'], stride: 'denial-of-service' }).value).toBe(3);
    expect(rated({ dimensions: ['I'], stride: 'repudiation' }).value).toBe(2);
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
