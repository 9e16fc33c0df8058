import type { Condition } from '../conditions/compile.ts';
import { compileCondition } from '../conditions/compile.ts';
import type { Rule } from '../model/rule-schema.ts';
import type { RiskProfile } from '../risk/profile.ts';
import { riskProfileOf } from '../rules/library.ts';
import type { ThreatMitigation } from './analysis.ts';

export interface CompiledRule {
  rule: Rule;
  applies: Condition;
  missing: Condition;
  /** The rule's suggested mitigations in the form threats list them. */
  suggested: ThreatMitigation[];
  /** How the library rates this rule's threats; none for a model's own rules. */
  profile: RiskProfile | undefined;
}

const cache = new WeakMap<Rule, CompiledRule>();

/** Compiles a rule's conditions once per rule object (the built-in library compiles once per process). */
export function compileRule(rule: Rule): CompiledRule {
  let compiled = cache.get(rule);
  if (!compiled) {
    compiled = {
      rule,
      applies: compileCondition(rule.applies, { ruleId: rule.id, field: 'applies' }),
      missing: compileCondition(rule.missing, { ruleId: rule.id, field: 'missing' }),
      suggested: rule.mitigations.map((m) => ({
        title: m.title,
        status: 'suggested',
        ...(m.attack ? { attack: m.attack } : {}),
      })),
      profile: riskProfileOf(rule),
    };
    cache.set(rule, compiled);
  }
  return compiled;
}

/** The library plus the model's own rules; a model rule with a library rule's id replaces it. */
export function effectiveRules(
  library: readonly Rule[],
  own: readonly Rule[],
): { rules: CompiledRule[]; warnings: string[] } {
  const ownIds = new Set(own.map((r) => r.id));
  const warnings = own
    .filter((r) => library.some((l) => l.id === r.id))
    .map((r) => `model rule '${r.id}' replaces the library rule of that id`);
  const rules = [...library.filter((r) => !ownIds.has(r.id)), ...own].map(compileRule);
  return { rules, warnings };
}
