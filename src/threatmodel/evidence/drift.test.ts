import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeModel } from '../engine/analyze.ts';
import { parseModelText } from '../model/parse.ts';
import type { EvidenceRequest, LikelihoodEvidence } from '../risk/evidence.ts';
import { driftBetween } from './drift.ts';

const FILE = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'models', 'webshop.yaml');
const model = parseModelText(readFileSync(FILE, 'utf8'), FILE);
const asOf = new Date('2026-06-01T00:00:00Z');
const on = (ruleId: string, delta: number): LikelihoodEvidence => ({
  adjust: (r: EvidenceRequest) => (r.ruleId === ruleId ? [{ delta, explanation: 'test evidence' }] : []),
});

describe('driftBetween', () => {
  it('finds nothing between equal analyses', () => {
    expect(driftBetween(analyzeModel(model, { asOf }), analyzeModel(model, { asOf }))).toEqual([]);
  });

  it('reports each moved risk with the factor that appeared, and the reverse move', () => {
    const plain = analyzeModel(model, { asOf });
    const moved = analyzeModel(model, { asOf, evidence: on('missing-hardening', -1) });
    const expected = plain.threats.filter((t) => t.ruleId === 'missing-hardening').map((t) => t.id);
    const down = driftBetween(plain, moved);
    expect(down.map((m) => m.threatId).sort()).toEqual(expected.sort());
    for (const m of down) {
      expect(m.change).toBe('lowered');
      expect(m.added).toEqual(['evidence: test evidence (-1)']);
      expect(m.removed).toEqual([]);
      expect(m.after!.likelihood).toBe(Math.max(1, m.before!.likelihood - 1));
    }
    const up = driftBetween(moved, plain);
    expect(up.every((m) => m.change === 'raised' && m.removed[0] === 'evidence: test evidence (-1)')).toBe(
      true,
    );
  });

  it('lists threats that appeared or went away', () => {
    const plain = analyzeModel(model, { asOf });
    const fewer = { ...plain, threats: plain.threats.slice(1) };
    const d = driftBetween(fewer, plain);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ threatId: plain.threats[0]!.id, change: 'new', before: null });
    expect(driftBetween(plain, fewer)[0]).toMatchObject({ change: 'gone', after: null });
  });
});
