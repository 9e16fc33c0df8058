import type { Decision, Mitigation, ThreatModel } from '../model/schema.ts';
import { BUILT_IN_RULES } from '../rules/library.ts';
import { DEFAULT_MATRIX } from '../risk/matrix.ts';
import type { Analysis, AnalyzeOptions } from './analysis.ts';
import { buildThreat } from './build-threat.ts';
import { carriedThreat, mergeCarried } from './carried-threats.ts';
import { effectiveRules } from './compiled-rules.ts';
import { findThreats } from './find-threats.ts';
import { ModelGraph } from './graph.ts';
import { PatternIndex } from './pattern.ts';
import { type PendingThreat, resolveThreat } from './resolve-status.ts';
import { buildRegister, byPriority, summarize } from './summarize.ts';

/**
 * Analyzes a model: runs every rule over the indexed model, merges the threats the model
 * carries, applies suppressions, mitigations and decisions, and rates inherent, current and
 * projected risk. Pure: the same model and options give the same analysis.
 */
export function analyzeModel(model: ThreatModel, opts: AnalyzeOptions = {}): Analysis {
  const graph = new ModelGraph(model);
  const { rules, warnings } = effectiveRules(opts.rules ?? BUILT_IN_RULES, model.rules);
  const suppressions = new Map(
    model.suppressions.map((s) => [`${s.ruleId}\0${s.elementId ?? '*'}`, s.reason]),
  );
  const suppressed: Analysis['suppressed'] = [];

  const pending = new Map<string, PendingThreat>();
  for (const finding of findThreats(graph, rules)) {
    const ruleId = finding.rule.rule.id;
    const targetId = finding.target.view.id;
    const reason =
      suppressions.size === 0
        ? undefined
        : (suppressions.get(`${ruleId}\0${targetId}`) ?? suppressions.get(`${ruleId}\0*`));
    const threat = buildThreat(finding, graph, opts.evidence);
    if (reason !== undefined) suppressed.push({ threatId: threat.id, ruleId, elementId: targetId, reason });
    else pending.set(threat.id, threat);
  }
  for (const t of model.threats) {
    const carried = carriedThreat(t);
    const engine = pending.get(t.id);
    pending.set(t.id, engine ? mergeCarried(engine, carried) : carried);
  }

  const mitigations = new PatternIndex<Mitigation>();
  for (const m of model.mitigations) for (const id of m.threats) mitigations.add(id, m);
  const decisions = new PatternIndex<Decision>();
  for (const [id, d] of Object.entries(model.decisions)) decisions.add(id, d);
  const ctx = {
    matrix: opts.matrix ?? model.riskMatrix ?? DEFAULT_MATRIX,
    mitigations,
    decisions,
    asOf: opts.asOf ?? new Date(),
  };
  const threats = [...pending.values()].map((p) => resolveThreat(p, ctx)).sort(byPriority);

  for (const key of mitigations.unusedKeys())
    warnings.push(`a mitigation names threat '${key}', which the analysis did not find`);
  for (const key of decisions.unusedKeys())
    warnings.push(`a decision names threat '${key}', which the analysis did not find`);

  const appetite = model.objectives.riskAppetite;
  return {
    model: {
      title: model.title,
      version: model.version,
      ...(model.description ? { description: model.description } : {}),
      elements: model.elements.length,
      dataFlows: model.dataFlows.length,
      trustBoundaries: model.trustBoundaries.length,
      assets: model.assets.length,
      riskAppetite: appetite,
      complianceScopes: model.objectives.complianceScopes,
    },
    threats,
    summary: summarize(threats, { appetite, rulesEvaluated: rules.length, suppressed: suppressed.length }),
    register: buildRegister(threats),
    suppressed,
    warnings,
  };
}
