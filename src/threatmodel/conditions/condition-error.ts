import { AppError } from '../../core/errors.ts';

/** A malformed condition: the message names the rule, the condition field and the 1-based column. */
export function conditionError(where: ConditionSource, message: string, column: number): AppError {
  return new AppError(
    'INVALID_INPUT',
    `rule '${where.ruleId}' ${where.field}: ${message} at column ${column}`,
    {
      column,
    },
  );
}

export interface ConditionSource {
  ruleId: string;
  /** Which condition of the rule: `applies` or `missing`. */
  field: string;
}
