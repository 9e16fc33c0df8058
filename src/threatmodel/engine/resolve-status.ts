import type { Decision, Mitigation, RiskMatrix, ThreatStatus } from '../model/schema.ts';
import type { Factor } from '../risk/factor.ts';
import { bandRank, rate } from '../risk/matrix.ts';
import {
  CONTROL_PRESENT_EFFECTIVENESS,
  type Reduction,
  effectivenessOf,
  reduceLikelihood,
} from '../risk/residual.ts';
import type { AnalyzedThreat, ThreatMitigation } from './analysis.ts';
import type { PatternIndex } from './pattern.ts';

/**
 * A threat before mitigations and decisions. Every property is always present (undefined when
 * unknown) so that all threats share one object shape, which keeps sorting and summing fast.
 */
export type PendingThreat = Omit<AnalyzedThreat, 'risk' | 'status'> & {
  /** Status the threat carries before decisions (a carried threat's own status). */
  carriedStatus: ThreatStatus | undefined;
  controlPresent: boolean;
};

export interface ResolveContext {
  matrix: RiskMatrix;
  mitigations: PatternIndex<Mitigation>;
  decisions: PatternIndex<Decision>;
  asOf: Date;
}

/**
 * Links the model's mitigations and decisions to a threat and derives current and projected
 * risk and the status. Status: an unexpired decision wins; then a carried threat's status;
 * then `mitigated` when the model's controls or implemented mitigations lower the band; else open.
 */
export function resolveThreat(pending: PendingThreat, ctx: ResolveContext): AnalyzedThreat {
  const { carriedStatus, controlPresent } = pending;
  const threat = pending;
  // Pending threats are built afresh for each analysis, so their factor list is extended in place.
  const factors: Factor[] = threat.factors;
  const linked = ctx.mitigations.lookup(threat.id);
  const toReduction = (m: Mitigation): Reduction => ({ title: m.title, effectiveness: effectivenessOf(m) });
  const inPlace = linked
    .filter((m) => m.status === 'implemented' || m.status === 'verified')
    .map(toReduction);
  if (controlPresent)
    inPlace.push({ title: 'control stated in the model', effectiveness: CONTROL_PRESENT_EFFECTIVENESS });
  const planned = linked.filter((m) => m.status === 'planned').map(toReduction);

  const inherent = rate(ctx.matrix, threat.likelihood, threat.impact);
  const current = reduceLikelihood(threat.likelihood, inPlace, 'current');
  const projected = reduceLikelihood(current.value, planned, 'projected');
  factors.push(...current.factors, ...projected.factors);
  const risk = {
    inherent,
    current: rate(ctx.matrix, current.value, threat.impact),
    projected: rate(ctx.matrix, projected.value, threat.impact),
  };

  const mitigations: ThreatMitigation[] =
    linked.length === 0 && !controlPresent
      ? threat.mitigations
      : [
          ...(controlPresent
            ? [
                {
                  title: 'control stated in the model',
                  status: 'control-present' as const,
                  effectiveness: CONTROL_PRESENT_EFFECTIVENESS,
                },
              ]
            : []),
          ...linked.map((m) => ({
            id: m.id,
            title: m.title,
            status: m.status,
            effectiveness: effectivenessOf(m),
            ...(m.owner ? { owner: m.owner } : {}),
            ...(m.attack ? { attack: [...m.attack] } : {}),
          })),
          ...threat.mitigations,
        ];

  let status: ThreatStatus = carriedStatus ?? 'open';
  let decision: Decision | undefined;
  for (const d of ctx.decisions.lookup(threat.id)) {
    if (d.status === 'accepted' && d.expires !== undefined && new Date(d.expires) < ctx.asOf) {
      factors.push({ stage: 'status', label: `acceptance by ${d.by} expired on ${d.expires}` });
      continue;
    }
    decision = d;
    status = d.status;
    factors.push({ stage: 'status', label: `decision: ${d.status}${d.by ? ` by ${d.by}` : ''}` });
    break;
  }
  if (
    !decision &&
    status === 'open' &&
    (controlPresent || bandRank(risk.current.band) < bandRank(risk.inherent.band))
  ) {
    status = 'mitigated';
    factors.push({
      stage: 'status',
      label: controlPresent
        ? 'mitigated by a control stated in the model'
        : 'implemented mitigations lower the band',
    });
  }
  return {
    id: threat.id,
    ruleId: threat.ruleId,
    title: threat.title,
    stride: threat.stride,
    elementIds: threat.elementIds,
    cwe: threat.cwe,
    capec: threat.capec,
    attack: threat.attack,
    likelihood: threat.likelihood,
    impact: threat.impact,
    risk,
    status,
    mitigations,
    factors,
    source: threat.source,
    description: threat.description,
    decision,
    references: threat.references,
  };
}
