import { isAppError } from '../../core/errors.ts';
import { compileCondition } from '../conditions/compile.ts';
import type { ModelFinding } from './check-model.ts';
import type { Rule } from './rule-schema.ts';

/** Compiles the conditions of a model's own rules so that a bad one fails the model at its line. */
export function checkRuleConditions(rules: readonly Rule[]): ModelFinding[] {
  const findings: ModelFinding[] = [];
  rules.forEach((rule, i) => {
    for (const field of ['applies', 'missing'] as const) {
      try {
        compileCondition(rule[field], { ruleId: rule.id, field });
      } catch (e) {
        if (!isAppError(e)) throw e;
        findings.push({ message: e.message, path: ['rules', i, field] });
      }
    }
  });
  return findings;
}
