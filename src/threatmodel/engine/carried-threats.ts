import type { Band, ModelThreat } from '../model/schema.ts';
import type { Factor } from '../risk/factor.ts';
import type { PendingThreat } from './resolve-status.ts';

const SEVERITY: Record<Band, number> = { low: 2, medium: 3, high: 4, critical: 5 };

/** A threat the model file carries, rated from its own likelihood/impact or severity. */
export function carriedThreat(t: ModelThreat): PendingThreat {
  const factors: Factor[] = [];
  const fallback = t.severity ? SEVERITY[t.severity] : 3;
  const from = t.severity ? `severity ${t.severity} in the model` : 'no rating in the model: medium';
  const likelihood = t.likelihood ?? fallback;
  const impact = t.impact ?? fallback;
  factors.push({
    stage: 'likelihood',
    label: t.likelihood ? 'likelihood stated in the model' : from,
    value: likelihood,
  });
  factors.push({ stage: 'impact', label: t.impact ? 'impact stated in the model' : from, value: impact });
  return {
    id: t.id,
    ruleId: t.ruleId ?? 'model',
    title: t.title,
    stride: t.stride ?? 'tampering',
    elementIds: [...t.elementIds],
    cwe: [...(t.cwe ?? [])],
    capec: [...(t.capec ?? [])],
    attack: [...(t.attack ?? [])],
    likelihood,
    impact,
    mitigations: t.mitigation ? [{ title: t.mitigation, status: 'described' }] : [],
    factors,
    source: 'model',
    description: t.description,
    decision: undefined,
    references: [],
    carriedStatus: t.status,
    controlPresent: false,
  };
}

/**
 * Merges a carried threat into the engine's threat of the same id: the engine's rating and
 * mappings stay, the carried status and mitigation text are kept.
 */
export function mergeCarried(engine: PendingThreat, carried: PendingThreat): PendingThreat {
  return {
    ...engine,
    carriedStatus: carried.carriedStatus,
    mitigations: [...carried.mitigations, ...engine.mitigations],
    factors: [...engine.factors, { stage: 'status', label: 'also carried in the model file' }],
  };
}
