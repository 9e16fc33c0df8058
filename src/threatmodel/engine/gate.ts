import type { Band } from '../model/schema.ts';
import { bandRank } from '../risk/matrix.ts';
import type { Analysis, AnalyzedThreat } from './analysis.ts';
import { isOpen } from './summarize.ts';

export interface GateResult {
  /** Open threats whose current risk fails the gate, most urgent first. */
  failing: AnalyzedThreat[];
  description: string;
}

/**
 * The CI gate: with a threshold, open threats at or above it fail; without one, open threats
 * above the model's risk appetite (the highest band accepted without sign-off) fail.
 */
export function applyGate(analysis: Analysis, failOn?: Band): GateResult {
  const limit = failOn ? bandRank(failOn) : bandRank(analysis.summary.riskAppetite) + 1;
  const failing = analysis.threats.filter((t) => isOpen(t) && bandRank(t.risk.current.band) >= limit);
  const description = failOn
    ? `open threats at or above ${failOn}`
    : `open threats above the risk appetite (${analysis.summary.riskAppetite})`;
  return { failing, description };
}
