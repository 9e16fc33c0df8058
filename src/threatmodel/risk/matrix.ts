import { BANDS, type Band, type RiskMatrix } from '../model/schema.ts';

/**
 * Default 5×5 matrix (rows likelihood 1–5, columns impact 1–5), banded by the product:
 * up to 4 low, up to 9 medium, up to 16 high, above critical.
 */
export const DEFAULT_MATRIX: RiskMatrix = [1, 2, 3, 4, 5].map((l) =>
  [1, 2, 3, 4, 5].map((i): Band => {
    const score = l * i;
    return score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 16 ? 'high' : 'critical';
  }),
);

export interface Rating {
  likelihood: number;
  impact: number;
  score: number;
  band: Band;
}

export function rate(matrix: RiskMatrix, likelihood: number, impact: number): Rating {
  const band = matrix[likelihood - 1]?.[impact - 1];
  if (!band) throw new RangeError(`likelihood ${likelihood} or impact ${impact} outside 1–5`);
  return { likelihood, impact, score: likelihood * impact, band };
}

export const bandRank = (band: Band): number => BANDS.indexOf(band);

export const clamp = (n: number, lo = 1, hi = 5) => Math.min(hi, Math.max(lo, n));
