import type { Mitigation } from '../model/schema.ts';
import type { Factor } from './factor.ts';

const LEVELS = { low: 0.3, medium: 0.6, high: 0.9 } as const;

/** Effectiveness of a model's own control that a rule found present. */
export const CONTROL_PRESENT_EFFECTIVENESS = 0.8;

export const effectivenessOf = (m: Pick<Mitigation, 'effectiveness'>): number =>
  typeof m.effectiveness === 'number' ? m.effectiveness : LEVELS[m.effectiveness];

export interface Reduction {
  title: string;
  effectiveness: number;
}

/**
 * Residual likelihood after independent mitigations: each removes its share of what is left,
 * r = 1 − Π(1 − eᵢ); the likelihood is scaled by (1 − r) and rounded up, never below 1.
 */
export function reduceLikelihood(
  likelihood: number,
  reductions: readonly Reduction[],
  stage: 'current' | 'projected',
): { value: number; factors: Factor[] } {
  if (reductions.length === 0) return { value: likelihood, factors: [] };
  let remaining = 1;
  const factors: Factor[] = [];
  for (const r of reductions) {
    remaining *= 1 - r.effectiveness;
    factors.push({ stage, label: `${r.title} (effectiveness ${r.effectiveness})` });
  }
  const value = Math.max(1, Math.ceil(likelihood * remaining - 1e-9));
  factors.push({
    stage,
    label: `likelihood reduced by ${Math.round((1 - remaining) * 100)}%`,
    delta: value - likelihood,
  });
  return { value, factors };
}
