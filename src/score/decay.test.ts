import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysToThreshold, decayed, DEFAULT_DECAY, isDecayed } from './decay.ts';

const params = fc.record({
  lifetimeDays: fc.double({ min: 0.5, max: 5000, noNaN: true }),
  speed: fc.double({ min: 0.1, max: 10, noNaN: true }),
});
const base = fc.double({ min: 0, max: 100, noNaN: true });

describe('polynomial decay (MISP model)', () => {
  it('is the base at t = 0 and before', () => {
    fc.assert(
      fc.property(base, params, fc.double({ min: -1e6, max: 0, noNaN: true }), (b, p, t) => {
        expect(decayed(b, t, p)).toBe(b);
      }),
    );
  });

  it('is 0 at τ and after', () => {
    fc.assert(
      fc.property(base, params, fc.double({ min: 0, max: 10, noNaN: true }), (b, p, extra) => {
        expect(decayed(b, p.lifetimeDays * (1 + extra), p)).toBe(0);
      }),
    );
  });

  it('never rises with time and stays within [0, base]', () => {
    fc.assert(
      fc.property(
        base,
        params,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (b, p, u, v) => {
          const [t1, t2] = [Math.min(u, v), Math.max(u, v)].map((x) => x * p.lifetimeDays * 1.2) as [
            number,
            number,
          ];
          const [s1, s2] = [decayed(b, t1, p), decayed(b, t2, p)];
          expect(s2).toBeLessThanOrEqual(s1);
          expect(s1).toBeGreaterThanOrEqual(0);
          expect(s1).toBeLessThanOrEqual(b);
        },
      ),
    );
  });

  it('crosses the threshold exactly where daysToThreshold says', () => {
    fc.assert(
      fc.property(fc.double({ min: 31, max: 100, noNaN: true }), params, (b, p) => {
        const t = daysToThreshold(b, 30, p);
        expect(decayed(b, t, p)).toBeCloseTo(30, 6);
      }),
    );
  });

  it("matches MISP's NIDS example: 120 days, speed 2, base 80 crosses 30 at ≈ 46.9 days", () => {
    expect(daysToThreshold(80, 30, { lifetimeDays: 120, speed: 2 })).toBeCloseTo(46.875, 3);
  });

  it('has a lifetime for every observable kind and a default', () => {
    for (const p of Object.values(DEFAULT_DECAY)) expect(p.lifetimeDays).toBeGreaterThan(0);
    expect(isDecayed({ decaysAt: '2026-01-01T00:00:00Z' }, new Date('2026-01-02T00:00:00Z'))).toBe(true);
    expect(isDecayed({ decaysAt: null }, new Date())).toBe(false);
  });
});
