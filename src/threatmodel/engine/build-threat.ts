import type { Asset } from '../model/schema.ts';
import type { LikelihoodEvidence } from '../risk/evidence.ts';
import { rateImpact } from '../risk/impact.ts';
import { rateLikelihood } from '../risk/likelihood.ts';
import type { Finding } from './find-threats.ts';
import type { ModelGraph } from './graph.ts';
import type { PendingThreat } from './resolve-status.ts';
import type { Target } from './target.ts';

/** Stable threat id: `<rule-id>@<element, flow or asset id>`, so decisions survive re-analysis. */
export const threatId = (ruleId: string, targetId: string) => `${ruleId}@${targetId}`;

/**
 * A rule finding as a threat with its inherent likelihood and impact (residual risk comes later).
 * Arrays taken from the rule are shared between its threats, not copied: analyses are read-only.
 */
export function buildThreat(
  finding: Finding,
  graph: ModelGraph,
  evidence?: LikelihoodEvidence,
): PendingThreat {
  const { rule } = finding.rule;
  const { target } = finding;
  const id = threatId(rule.id, target.view.id);
  const elementIds = [target.view.id];
  const likelihood = rateLikelihood({
    base: rule.likelihood,
    target,
    graph,
    evidence,
    profile: finding.rule.profile,
    request: () => ({
      threatId: id,
      ruleId: rule.id,
      stride: rule.stride,
      attack: rule.attack,
      capec: rule.capec,
      cwe: rule.cwe,
      elementIds,
      technologies: technologiesOf(
        graph,
        target.kind === 'flow' ? flowEndIds(graph, target.view.id) : elementIds,
      ),
    }),
  });
  const impact = rateImpact({
    ...impactScope(graph, target),
    dimensions: rule.impact,
    stride: rule.stride,
    profile: finding.rule.profile,
  });
  return {
    id,
    ruleId: rule.id,
    title: rule.title,
    stride: rule.stride,
    elementIds,
    cwe: rule.cwe,
    capec: rule.capec,
    attack: rule.attack,
    likelihood: likelihood.value,
    impact: impact.value,
    mitigations: finding.rule.suggested,
    factors: [...likelihood.factors, ...impact.factors],
    source: 'engine',
    description: rule.description,
    decision: undefined,
    references: rule.references,
    carriedStatus: undefined,
    controlPresent: finding.controlPresent,
  };
}

function flowEndIds(graph: ModelGraph, flowId: string): string[] {
  const f = graph.flowEnds.get(flowId);
  return f ? [f.source, f.destination] : [];
}

/** The assets and data a threat touches; a flow carrying no rated asset is judged by its destination's. */
function impactScope(
  graph: ModelGraph,
  target: Target,
): { assets: readonly Asset[]; data: readonly string[] } {
  const own = { assets: graph.assetsOf(target.kind, target.view.id), data: target.view.data as string[] };
  if (target.kind !== 'flow' || own.assets.length > 0) return own;
  const destination = graph.flowEnds.get(target.view.id)?.destination;
  const view = destination === undefined ? undefined : graph.elements.get(destination);
  return view ? { assets: graph.assetsOf('element', view.id), data: view.data as string[] } : own;
}

function technologiesOf(graph: ModelGraph, ids: readonly string[]): string[] {
  return [
    ...new Set(ids.flatMap((id) => (graph.elements.get(id)?.technologies as string[] | undefined) ?? [])),
  ];
}
