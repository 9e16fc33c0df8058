import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';
import type { ConditionSource } from './condition-error.ts';
import { type ConditionContext, compileNode, truthy } from './evaluate.ts';
import { parseCondition } from './parser.ts';

export interface Condition {
  readonly source: string;
  test(ctx: ConditionContext): boolean;
}

/** Parses a condition once; the result is evaluated many times (once per rule target). */
export function compileCondition(
  text: string,
  where: ConditionSource,
  limits: Limits = DEFAULT_LIMITS,
): Condition {
  const evaluate = compileNode(parseCondition(text, where, limits));
  return { source: text, test: (ctx) => truthy(evaluate(ctx)) };
}
