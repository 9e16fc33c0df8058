import type { ComparisonExpression, ComparisonOperator, Literal, ObjectPath, PathStep } from './ast.ts';
import type { PatternParser } from './parse.ts';
import type { Token } from './token.ts';

/** The grammar rules objectPath and propTest (after its object path), STIXPattern.g4. */

const EQUALITY = new Map<string, ComparisonOperator>([
  ['=', '='],
  ['==', '='],
  ['!=', '!='],
  ['<>', '!='],
]);
const ORDER = new Set(['<', '<=', '>', '>=']);
const STRING_OPERATORS = new Set(['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);

const ORDERABLE = 'a literal (string, number, timestamp, hex or binary)';
const PRIMITIVE = 'a literal (string, number, boolean, timestamp, hex or binary)';

/** objectPath: objectType ':' firstPathComponent ( '.' key | '[' index ']' )*. */
export function objectPath(p: PatternParser): ObjectPath {
  if (p.tok.kind !== 'identifier') p.fail('an object type such as ipv4-addr');
  const objectType = p.advance().text;
  p.expect('punct', ':');
  const steps: PathStep[] = [{ key: pathKey(p) }];
  for (;;) {
    if (p.is('punct', '.')) {
      p.advance();
      steps.push({ key: pathKey(p) });
    } else if (p.is('punct', '[')) {
      p.advance();
      steps.push({ index: pathIndex(p) });
      p.expect('punct', ']');
    } else {
      return { objectType, steps };
    }
  }
}

function pathKey(p: PatternParser): string {
  const t = p.tok;
  if ((t.kind === 'identifier' && !t.flag) || t.kind === 'string') return p.advance().text;
  return p.fail(`a property name (letters, digits and '_', or quoted)`);
}

function pathIndex(p: PatternParser): number | '*' {
  if (p.is('punct', '*')) {
    p.advance();
    return '*';
  }
  const t = p.tok;
  if (t.kind !== 'int' || !Number.isSafeInteger(Number(t.text))) p.fail(`a list index or '*'`);
  return Number(p.advance().text);
}

/** The operator and operand of a propTest: NOT? followed by one of the comparison forms. */
export function comparisonTail(p: PatternParser, path: ObjectPath): ComparisonExpression {
  const negated = p.is('keyword', 'NOT');
  if (negated) p.advance();
  const op = p.tok;
  const equality = op.kind === 'punct' ? EQUALITY.get(op.text) : undefined;
  if (equality) {
    p.advance();
    return { type: 'test', path, operator: equality, negated, value: literal(p, true) };
  }
  if (op.kind === 'punct' && ORDER.has(op.text)) {
    p.advance();
    return { type: 'test', path, operator: op.text as ComparisonOperator, negated, value: literal(p, false) };
  }
  if (op.kind === 'keyword' && op.text === 'IN') {
    p.advance();
    return { type: 'in', path, negated, values: setLiteral(p) };
  }
  if (op.kind === 'keyword' && STRING_OPERATORS.has(op.text)) {
    p.advance();
    if (p.tok.kind !== 'string') p.fail('a string literal');
    const value: Literal = { type: 'string', value: p.advance().text };
    return { type: 'test', path, operator: op.text as ComparisonOperator, negated, value };
  }
  return p.fail(
    negated
      ? 'a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)'
      : 'a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET) or NOT',
  );
}

function setLiteral(p: PatternParser): Literal[] {
  p.expect('punct', '(');
  const values: Literal[] = [];
  if (!p.is('punct', ')')) {
    values.push(literal(p, true));
    while (p.is('punct', ',')) {
      p.advance();
      values.push(literal(p, true));
    }
  }
  if (!p.is('punct', ')')) p.fail(`',' or ')'`);
  p.advance();
  return values;
}

/** primitiveLiteral (withBool) or orderableLiteral. */
function literal(p: PatternParser, withBool: boolean): Literal {
  const t: Token = p.tok;
  switch (t.kind) {
    case 'string':
    case 'int':
    case 'float':
    case 'timestamp':
    case 'hex':
    case 'binary':
      p.advance();
      return { type: t.kind, value: t.text };
    case 'bool':
      if (!withBool) break;
      p.advance();
      return { type: 'bool', value: t.text === 'true' };
    default:
      break;
  }
  return p.fail(withBool ? PRIMITIVE : ORDERABLE);
}
