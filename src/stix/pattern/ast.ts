/**
 * Typed syntax tree of a STIX 2.1 pattern (STIX 2.1 Part 9, "STIX Patterning"; grammar
 * STIXPattern.g4 of oasis-open/cti-stix2-json-schemas and cti-pattern-validator).
 *
 * Chains of one operator are n-ary (`a AND b AND c` is one node with three operands);
 * parentheses only survive as nesting (`(a AND b) AND c` is an AND inside an AND).
 */

/** A literal value. Numbers keep their decimal text (without a leading `+`) so nothing is lost. */
export type Literal =
  | { type: 'string'; value: string }
  | { type: 'int'; value: string }
  | { type: 'float'; value: string }
  | { type: 'bool'; value: boolean }
  /** The text between `t'` and `'`, e.g. `2016-06-01T01:30:00.123Z`. */
  | { type: 'timestamp'; value: string }
  /** The hex digits between `h'` and `'`. */
  | { type: 'hex'; value: string }
  /** The base64 text between `b'` and `'`. */
  | { type: 'binary'; value: string };

/** One step of an object path: a property key, a list index, or `[*]` (any index). */
export type PathStep = { key: string } | { index: number | '*' };

/** `file:hashes.'SHA-256'` is `{ objectType: 'file', steps: [{ key: 'hashes' }, { key: 'SHA-256' }] }`. */
export interface ObjectPath {
  objectType: string;
  /** Never empty; the first step is always a key. */
  steps: PathStep[];
}

export type ComparisonOperator =
  '=' | '!=' | '>' | '<' | '>=' | '<=' | 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET';

export type ComparisonExpression =
  | { type: 'test'; path: ObjectPath; operator: ComparisonOperator; negated: boolean; value: Literal }
  | { type: 'in'; path: ObjectPath; negated: boolean; values: Literal[] }
  | { type: 'exists'; path: ObjectPath }
  | { type: 'comparison-op'; operator: 'AND' | 'OR'; operands: ComparisonExpression[] };

export type Qualifier =
  /** `seconds` is the decimal text of a positive int or float literal. */
  | { type: 'within'; seconds: string }
  | { type: 'repeats'; times: number }
  | { type: 'start-stop'; start: string; stop: string };

export type ObservationExpression =
  | { type: 'observation'; comparison: ComparisonExpression }
  | { type: 'observation-op'; operator: 'AND' | 'OR' | 'FOLLOWEDBY'; operands: ObservationExpression[] }
  | { type: 'qualified'; qualifier: Qualifier; expression: ObservationExpression };

export type PatternAst = ObservationExpression;
