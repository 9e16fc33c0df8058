import type { ComparisonExpression, Literal, ObjectPath, PatternAst } from './ast.ts';

/** One exact observable an indicator pattern matches, e.g. `ipv4-addr` `value` `198.51.100.7`. */
export interface EqualityTerm {
  objectType: string;
  /** Property keys joined by `.`, unquoted: `value`, `hashes.SHA-256`, `dst_ref.value`. */
  path: string;
  /** The literal as written in the pattern (the caller canonicalizes). */
  value: string;
}

/** Object paths whose value alone identifies an observable (`type:path`). */
const VALUE_PATHS = new Set([
  'ipv4-addr:value',
  'ipv6-addr:value',
  'domain-name:value',
  'url:value',
  'email-addr:value',
  'email-message:from_ref.value',
  'email-message:sender_ref.value',
  'network-traffic:dst_ref.value',
  'network-traffic:src_ref.value',
  'autonomous-system:number',
  'vulnerability:name',
]);
/** Object types whose `hashes.<algorithm>` identifies them. */
const HASHED_TYPES = new Set(['file', 'artifact', 'x509-certificate']);
/** Paths where `ISSUBSET '<cidr>'` is an exact CIDR observable. */
const SUBSET_PATHS = new Set([
  'ipv4-addr:value',
  'ipv6-addr:value',
  'network-traffic:dst_ref.value',
  'network-traffic:src_ref.value',
]);

/**
 * The exact observables of a pattern that is a plain disjunction of them, or null when matching
 * needs more than a lookup. The reduction rules:
 *
 * 1. Observations: one `[…]`, or several joined by observation-level OR (the union of their
 *    terms). Observation AND, FOLLOWEDBY and any qualifier (WITHIN, REPEATS, START/STOP) → null.
 * 2. A comparison `path = literal` on a matchable path is one term. Matchable paths: the
 *    VALUE_PATHS above and `hashes.<algorithm>` of file, artifact and x509-certificate (so
 *    `file:name`, `file:size`, `url:x_…` and the like are not). Values are string literals;
 *    `autonomous-system:number` also takes an integer.
 * 3. `path IN (…)` on a matchable path is one term per set member (an empty set → null).
 * 4. `path ISSUBSET 'cidr'` on an IP address path is one term holding the CIDR.
 * 5. OR of comparisons is the union of their terms.
 * 6. AND of comparisons reduces only when every term describes one object: all terms are hashes
 *    of the same object type (the union: any one hash identifies that file; `file:name` and
 *    `file:size` equalities beside them ride along unindexed), or there is exactly
 *    one term and the other operands merely type its reference (`network-traffic:dst_ref.type =
 *    'ipv4-addr' AND network-traffic:dst_ref.value = '…'`).
 * 7. Anything else — NOT, !=, ordering, LIKE, MATCHES, ISSUPERSET, EXISTS, list indexes, other
 *    properties, an AND across different observables — makes the whole pattern null.
 */
export function equalityTerms(ast: PatternAst): EqualityTerm[] | null {
  if (ast.type === 'observation') return reduce(ast.comparison);
  if (ast.type !== 'observation-op' || ast.operator !== 'OR') return null;
  return union(ast.operands.map((o) => equalityTerms(o)));
}

function reduce(c: ComparisonExpression): EqualityTerm[] | null {
  switch (c.type) {
    case 'test': {
      if (c.negated) return null;
      if (c.operator === '=') return single(c.path, c.value);
      if (c.operator === 'ISSUBSET' && SUBSET_PATHS.has(fullPath(c.path) ?? ''))
        return single(c.path, c.value);
      return null;
    }
    case 'in':
      if (c.negated || c.values.length === 0) return null;
      return union(c.values.map((v) => single(c.path, v)));
    case 'exists':
      return null;
    case 'comparison-op':
      return c.operator === 'OR' ? union(c.operands.map(reduce)) : conjunction(c.operands);
  }
}

function conjunction(operands: ComparisonExpression[]): EqualityTerm[] | null {
  const typedRefs = operands.map(refTypeTest);
  const descriptors = operands.map(describesFile);
  const terms = union(operands.filter((_, i) => !typedRefs[i] && !descriptors[i]).map(reduce));
  if (!terms || terms.length === 0) return null;
  const first = terms[0]!;
  const sameObjectHashes = terms.every(
    (t) => t.objectType === first.objectType && t.path.startsWith('hashes.'),
  );
  if (terms.length > 1 && !sameObjectHashes) return null;
  if (descriptors.some(Boolean) && !(first.objectType === 'file' && sameObjectHashes)) return null;
  const typesTheTerm = (ref: string | undefined) =>
    ref === undefined || (terms.length === 1 && `${first.objectType}:${first.path}` === ref);
  return typedRefs.every(typesTheTerm) ? terms : null;
}

/**
 * `file:name = …` or `file:size = …` beside hashes of the same file (MISP's `filename|sha256`
 * form): the hashes identify the file, so they are indexed and the name rides along.
 */
function describesFile(c: ComparisonExpression): boolean {
  if (c.type !== 'test' || c.negated || c.operator !== '=') return false;
  const full = fullPath(c.path);
  return full === 'file:name' || full === 'file:size';
}

/** For `x:ref.type = 'string'`, the matchable path `x:ref.value` it types. */
function refTypeTest(c: ComparisonExpression): string | undefined {
  if (c.type !== 'test' || c.negated || c.operator !== '=' || c.value.type !== 'string') return undefined;
  const full = fullPath(c.path);
  if (!full?.endsWith('_ref.type')) return undefined;
  const valuePath = `${full.slice(0, -'type'.length)}value`;
  return VALUE_PATHS.has(valuePath) ? valuePath : undefined;
}

function single(path: ObjectPath, literal: Literal): EqualityTerm[] | null {
  const full = fullPath(path);
  if (full === undefined) return null;
  const keys = full.slice(path.objectType.length + 1);
  const hash = HASHED_TYPES.has(path.objectType) && path.steps.length === 2 && keys.startsWith('hashes.');
  if (!hash && !VALUE_PATHS.has(full)) return null;
  const numeric = literal.type === 'int' && full === 'autonomous-system:number';
  if (literal.type !== 'string' && !numeric) return null;
  return [{ objectType: path.objectType, path: keys, value: String(literal.value) }];
}

/** `type:key.key…`, or undefined when the path has a list index. */
function fullPath(path: ObjectPath): string | undefined {
  const keys: string[] = [];
  for (const step of path.steps) {
    if (!('key' in step)) return undefined;
    keys.push(step.key);
  }
  return `${path.objectType}:${keys.join('.')}`;
}

function union(parts: (EqualityTerm[] | null)[]): EqualityTerm[] | null {
  const out: EqualityTerm[] = [];
  for (const part of parts) {
    if (!part) return null;
    out.push(...part);
  }
  return out;
}
