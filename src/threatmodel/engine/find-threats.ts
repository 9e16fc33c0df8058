import type { View } from '../conditions/evaluate.ts';
import type { RuleTarget } from '../model/rule-schema.ts';
import type { CompiledRule } from './compiled-rules.ts';
import type { ModelGraph } from './graph.ts';
import { type Target, TargetContext } from './target.ts';

export interface Finding {
  rule: CompiledRule;
  target: Target;
  /** The rule applies but the model states the control that defeats it. */
  controlPresent: boolean;
}

/** Evaluates every rule on every in-scope target of the kinds it applies to. */
export function findThreats(graph: ModelGraph, rules: readonly CompiledRule[]): Finding[] {
  const byKind = groupTargets(graph);
  const ctx = new TargetContext(graph, { kind: 'asset', view: graph.model });
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const kind of new Set(rule.rule.appliesTo)) {
      for (const target of byKind.get(kind) ?? []) {
        ctx.reset(target);
        if (!rule.applies.test(ctx)) continue;
        findings.push({ rule, target, controlPresent: !rule.missing.test(ctx) });
      }
    }
  }
  return findings;
}

function groupTargets(graph: ModelGraph): Map<RuleTarget, Target[]> {
  const byKind = new Map<RuleTarget, Target[]>();
  const push = (kind: RuleTarget, target: Target) => {
    const list = byKind.get(kind);
    if (list) list.push(target);
    else byKind.set(kind, [target]);
  };
  const inScope = (v: View | undefined) => v !== undefined && v.outOfScope !== true;
  for (const view of graph.elements.values()) {
    if (inScope(view)) push(view.kind as RuleTarget, { kind: 'element', view });
  }
  for (const view of graph.flows.values()) {
    const ends = graph.flowEnds.get(view.id);
    const touchesScope =
      ends !== undefined &&
      (inScope(graph.elements.get(ends.source)) || inScope(graph.elements.get(ends.destination)));
    if (inScope(view) && touchesScope) push('flow', { kind: 'flow', view });
  }
  for (const view of graph.assets.values()) push('asset', { kind: 'asset', view });
  return byKind;
}
