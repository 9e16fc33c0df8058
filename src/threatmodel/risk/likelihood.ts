import type { View } from '../conditions/evaluate.ts';
import type { ModelGraph } from '../engine/graph.ts';
import type { Target } from '../engine/target.ts';
import { type EvidenceRequest, type LikelihoodEvidence, MAX_EVIDENCE_DELTA } from './evidence.ts';
import type { Factor } from './factor.ts';
import { clamp } from './matrix.ts';
import type { RiskProfile } from './profile.ts';

export interface LikelihoodInput {
  base: number;
  target: Target;
  graph: ModelGraph;
  evidence?: LikelihoodEvidence;
  /** The rule's profile: where the attacker must be and whether authentication is in the way. */
  profile?: RiskProfile;
  /** Built only when an evidence source is present. */
  request: () => EvidenceRequest;
}

const LOCAL = 'needs a foothold on the host, its code or its data first: internet exposure does not count';
const ADJACENT = 'internal link: the attacker needs a foothold on its path';

/** Likelihood 1–5: the rule's base, moved by exposure, authentication and evidence. */
export function rateLikelihood(input: LikelihoodInput): { value: number; factors: Factor[] } {
  const { base, target, graph } = input;
  const factors: Factor[] = [{ stage: 'likelihood', label: 'base likelihood of the rule', value: base }];
  let value = base;
  const add = (delta: number, label: string) => {
    value += delta;
    factors.push({ stage: 'likelihood', label, delta });
  };

  const vector = input.profile?.vector ?? 'network';
  if (target.kind !== 'asset' && vector === 'local') factors.push({ stage: 'likelihood', label: LOCAL });
  else if (target.kind !== 'asset') {
    const exposure = internetExposure(graph, target);
    if (exposure === 'direct')
      add(1, target.kind === 'flow' ? 'carries traffic from the internet' : 'exposed to the internet');
    else if (exposure === 'none') add(-1, 'not reachable from the internet');
    else if (vector === 'adjacent') factors.push({ stage: 'likelihood', label: ADJACENT });
    else if (exposure === 'crossing') add(1, 'crosses a trust boundary reachable from the internet');
    if (
      (target.view.authStrength as number) >= 3 &&
      vector === 'network' &&
      !input.profile?.ignoresAuthentication
    )
      add(-1, `strong authentication (${String(target.view.authentication)})`);
  }

  const adjustments = input.evidence?.adjust(input.request()) ?? [];
  let evidence = 0;
  for (const a of adjustments) {
    evidence += a.delta;
    factors.push({ stage: 'likelihood', label: `evidence: ${a.explanation}`, delta: a.delta });
  }
  const bounded = clamp(evidence, -MAX_EVIDENCE_DELTA, MAX_EVIDENCE_DELTA);
  if (bounded !== evidence)
    factors.push({
      stage: 'likelihood',
      label: `evidence bounded to ${bounded > 0 ? '+' : ''}${bounded}`,
      delta: bounded - evidence,
    });
  value += bounded;

  const final = clamp(value);
  if (final !== value)
    factors.push({ stage: 'likelihood', label: 'likelihood bounded to 1–5', value: final });
  return { value: final, factors };
}

type Exposure = 'direct' | 'crossing' | 'reachable' | 'internal' | 'none';

/**
 * How exposed a target is. A flow is direct when it crosses an internet boundary or an actor or
 * external entity calls an internet-facing element; crossing when it crosses another boundary
 * on a path from the internet; internal when it crosses nothing but is still reachable.
 */
function internetExposure(graph: ModelGraph, target: Target): Exposure {
  const { view } = target;
  if (target.kind === 'flow') {
    const f = graph.flowEnds.get(view.id);
    if (!f) return 'none';
    const source = graph.elements.get(f.source);
    const destination = graph.elements.get(f.destination);
    const crossed = graph.crossedBoundaries(view.id);
    const fromOutside = source?.kind === 'actor' || source?.kind === 'external-entity';
    if (crossed.some((b) => graph.boundaryType(b) === 'internet') || (fromOutside && isFacing(destination)))
      return 'direct';
    if (!graph.reachableFromInternet(f.source)) return 'none';
    return crossed.length > 0 ? 'crossing' : 'internal';
  }
  if (isFacing(view)) return 'direct';
  return graph.reachableFromInternet(view.id) ? 'reachable' : 'none';
}

const isFacing = (v: View | undefined) => v?.internetFacing === true;
