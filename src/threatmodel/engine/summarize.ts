import { BANDS, type Band } from '../model/schema.ts';
import { bandRank } from '../risk/matrix.ts';
import type { AnalysisSummary, AnalyzedThreat, RegisterEntry } from './analysis.ts';

/** Statuses that leave a threat's risk with the team (everything but a closed decision). */
export const isOpen = (t: AnalyzedThreat) => t.status === 'open';

/** Most urgent first: current score, then inherent score, then id for a stable order. */
export function byPriority(a: AnalyzedThreat, b: AnalyzedThreat): number {
  return (
    b.risk.current.score - a.risk.current.score ||
    b.risk.inherent.score - a.risk.inherent.score ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function summarize(
  threats: readonly AnalyzedThreat[],
  opts: { appetite: Band; rulesEvaluated: number; suppressed: number },
): AnalysisSummary {
  const zero = () => Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
  const byBand = { inherent: zero(), current: zero(), projected: zero() };
  const byStatus: Record<string, number> = {};
  const byStride: Record<string, number> = {};
  let highest: Band | null = null;
  let aboveAppetite = 0;
  for (const t of threats) {
    for (const stage of ['inherent', 'current', 'projected'] as const) byBand[stage][t.risk[stage].band]++;
    byStatus[t.status] = (byStatus[t.status] ?? 0) + 1;
    byStride[t.stride] = (byStride[t.stride] ?? 0) + 1;
    if (!isOpen(t)) continue;
    const band = t.risk.current.band;
    if (highest === null || bandRank(band) > bandRank(highest)) highest = band;
    if (bandRank(band) > bandRank(opts.appetite)) aboveAppetite++;
  }
  return {
    threats: threats.length,
    open: byStatus.open ?? 0,
    byStatus,
    byStride,
    byBand,
    riskAppetite: opts.appetite,
    highestOpenBand: highest,
    aboveAppetite,
    rulesEvaluated: opts.rulesEvaluated,
    suppressed: opts.suppressed,
  };
}

/** The prioritized register of open threats, with the next action for each. */
export function buildRegister(threats: readonly AnalyzedThreat[]): RegisterEntry[] {
  return threats
    .filter(isOpen)
    .sort(byPriority)
    .map((t, i) => ({
      rank: i + 1,
      threatId: t.id,
      title: t.title,
      band: t.risk.current.band,
      score: t.risk.current.score,
      elementIds: t.elementIds,
      action: nextAction(t),
    }));
}

function nextAction(t: AnalyzedThreat): string {
  const planned =
    t.mitigations.find((m) => m.status === 'planned') ?? t.mitigations.find((m) => m.status === 'proposed');
  if (planned) return `${planned.status === 'planned' ? 'complete' : 'plan'}: ${planned.title}`;
  const suggested = t.mitigations.find((m) => m.status === 'suggested' || m.status === 'described');
  return suggested ? suggested.title : 'decide: mitigate, accept or transfer';
}
