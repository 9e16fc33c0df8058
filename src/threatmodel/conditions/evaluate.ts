import type { CompareOp, Node, Scalar } from './ast.ts';
import { SUBJECT_ROOTS } from './vocabulary.ts';

/** A model object as conditions see it: plain, normalized fields plus its id. */
export interface View {
  readonly id: string;
  readonly [field: string]: unknown;
}

export type Value = Scalar | undefined | View | readonly Value[];

/** What the evaluator needs from the engine: the roots of the current target and the functions. */
export interface ConditionContext {
  root(name: string): View | undefined;
  call(name: string, subject: View | undefined, args: Value[]): Value;
}

export type Evaluator = (ctx: ConditionContext) => Value;

/** Turns an AST into nested closures once, so evaluation does no parsing or lookup by name. */
export function compileNode(node: Node): Evaluator {
  switch (node.type) {
    case 'literal': {
      const value = node.value;
      return () => value;
    }
    case 'list': {
      const items = node.items.map(compileNode);
      return (ctx) => items.map((item) => item(ctx));
    }
    case 'path':
      return compilePath(node.root, node.keys);
    case 'call':
      return compileCall(node.name, node.args);
    case 'not': {
      const operand = compileNode(node.operand);
      return (ctx) => !truthy(operand(ctx));
    }
    case 'logical': {
      const operands = node.operands.map(compileNode);
      return node.op === 'and'
        ? (ctx) => operands.every((o) => truthy(o(ctx)))
        : (ctx) => operands.some((o) => truthy(o(ctx)));
    }
    case 'compare': {
      const left = compileNode(node.left);
      const right = compileNode(node.right);
      const op = node.op;
      return (ctx) => compare(op, left(ctx), right(ctx));
    }
  }
}

function compilePath(root: string, keys: readonly string[]): Evaluator {
  return (ctx) => {
    let value: unknown = ctx.root(root);
    for (const key of keys) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      value = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    }
    return value as Value;
  };
}

function compileCall(name: string, argNodes: readonly Node[]): Evaluator {
  const first = argNodes[0];
  const subjectRoot =
    first?.type === 'path' && first.keys.length === 0 && SUBJECT_ROOTS.has(first.root)
      ? first.root
      : undefined;
  const argList = subjectRoot ? argNodes.slice(1) : argNodes;
  const args = argList.map(compileNode);
  // Arguments that are literals (the usual case) are evaluated once, not on every call.
  const constant = argList.every(isConstant) ? args.map((a) => a(NO_CONTEXT)) : undefined;
  return (ctx) => {
    const subject = subjectRoot ? ctx.root(subjectRoot) : undefined;
    if (subjectRoot && !subject) return false;
    return ctx.call(name, subject, constant ?? args.map((a) => a(ctx)));
  };
}

const isConstant = (node: Node): boolean =>
  node.type === 'literal' || (node.type === 'list' && node.items.every(isConstant));

const NO_CONTEXT: ConditionContext = { root: () => undefined, call: () => undefined };

export function truthy(value: Value): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function compare(op: CompareOp, left: Value, right: Value): boolean {
  switch (op) {
    case '==':
      return same(left, right);
    case '!=':
      return !same(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return typeof left === 'number' && typeof right === 'number' && ordered(op, left, right);
    case 'in':
      return within(left, right);
    case 'not in':
      return !within(left, right);
    case 'contains':
      return within(right, left);
  }
}

const same = (a: Value, b: Value) => (a ?? null) === (b ?? null);

function ordered(op: '<' | '<=' | '>' | '>=', a: number, b: number): boolean {
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

/** `needle in haystack`: membership in a list (any overlap for a list needle), or a substring. */
function within(needle: Value, haystack: Value): boolean {
  if (Array.isArray(haystack)) {
    const items = haystack as readonly Value[];
    return Array.isArray(needle)
      ? (needle as readonly Value[]).some((n) => items.some((h) => same(n, h)))
      : items.some((h) => same(needle, h));
  }
  return typeof haystack === 'string' && typeof needle === 'string' && haystack.includes(needle);
}
