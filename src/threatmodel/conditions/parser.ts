import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';
import type { CompareOp, Node } from './ast.ts';
import { type ConditionSource, conditionError } from './condition-error.ts';
import { type Token, tokenize } from './lexer.ts';
import { FUNCTIONS, ROOTS, SUBJECT_ROOTS } from './vocabulary.ts';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'contains', 'true', 'false', 'null']);

/**
 * Parses a condition into an AST:
 *   expr    := and ('or' and)*          and := unary ('and' unary)*
 *   unary   := 'not' unary | compare    compare := operand (op operand)?
 *   op      := == != < <= > >= in 'not in' contains
 *   operand := literal | list | path | call | '(' expr ')'
 * Length and nesting depth are bounded by the limits; and/or chains are flattened so that a
 * long chain does not deepen the tree.
 */
export function parseCondition(text: string, where: ConditionSource, limits: Limits = DEFAULT_LIMITS): Node {
  if (text.length > limits.maxConditionLength) {
    throw conditionError(
      where,
      `condition longer than ${limits.maxConditionLength} characters`,
      limits.maxConditionLength + 1,
    );
  }
  const parser = new Parser(tokenize(text, where), where, limits.maxConditionDepth);
  const node = parser.expression(0);
  parser.expectEnd();
  return node;
}

class Parser {
  #pos = 0;
  readonly #tokens: Token[];
  readonly #where: ConditionSource;
  readonly #maxDepth: number;

  constructor(tokens: Token[], where: ConditionSource, maxDepth: number) {
    this.#tokens = tokens;
    this.#where = where;
    this.#maxDepth = maxDepth;
  }

  expression(depth: number): Node {
    if (depth > this.#maxDepth) throw this.#fail(`nested deeper than ${this.#maxDepth} levels`);
    return this.#chain('or', () => this.#chain('and', () => this.#unary(depth)));
  }

  expectEnd(): void {
    if (this.#peek().kind !== 'end') throw this.#fail(`unexpected '${this.#peek().value}'`);
  }

  #chain(op: 'and' | 'or', next: () => Node): Node {
    const first = next();
    const operands = [first];
    while (this.#isWord(op)) {
      this.#pos++;
      operands.push(next());
    }
    return operands.length === 1 ? first : { type: 'logical', op, operands, column: first.column };
  }

  #unary(depth: number): Node {
    const token = this.#peek();
    if (this.#isWord('not')) {
      if (depth > this.#maxDepth) throw this.#fail(`nested deeper than ${this.#maxDepth} levels`);
      this.#pos++;
      return { type: 'not', operand: this.#unary(depth + 1), column: token.column };
    }
    return this.#compare(depth);
  }

  #compare(depth: number): Node {
    const left = this.#operand(depth);
    const token = this.#peek();
    let op: CompareOp | undefined;
    if (token.kind === 'op') op = token.value as CompareOp;
    else if (this.#isWord('in') || this.#isWord('contains')) op = token.value as CompareOp;
    else if (this.#isWord('not') && this.#tokens[this.#pos + 1]?.value === 'in') {
      this.#pos++;
      op = 'not in';
    }
    if (!op) return left;
    this.#pos++;
    const right = this.#operand(depth);
    if (this.#peek().kind === 'op') throw this.#fail('comparisons cannot be chained; use and');
    return { type: 'compare', op, left, right, column: token.column };
  }

  #operand(depth: number): Node {
    const token = this.#next();
    if (token.kind === 'string') return { type: 'literal', value: token.value, column: token.column };
    if (token.kind === 'number') return { type: 'literal', value: Number(token.value), column: token.column };
    if (token.value === '(') {
      const inner = this.expression(depth + 1);
      this.#expect(')');
      return inner;
    }
    if (token.value === '[') return this.#list(token, depth);
    if (token.kind !== 'ident') throw this.#fail(`unexpected '${token.value || 'end of condition'}'`, token);
    if (token.value === 'true' || token.value === 'false')
      return { type: 'literal', value: token.value === 'true', column: token.column };
    if (token.value === 'null') return { type: 'literal', value: null, column: token.column };
    if (KEYWORDS.has(token.value)) throw this.#fail(`unexpected '${token.value}'`, token);
    if (this.#peek().value === '(') return this.#call(token, depth);
    return this.#path(token);
  }

  #list(open: Token, depth: number): Node {
    if (depth > this.#maxDepth) throw this.#fail(`nested deeper than ${this.#maxDepth} levels`, open);
    const items: Node[] = [];
    while (this.#peek().value !== ']') {
      items.push(this.#operand(depth + 1));
      if (this.#peek().value !== ',') break;
      this.#pos++;
    }
    this.#expect(']');
    return { type: 'list', items, column: open.column };
  }

  #call(name: Token, depth: number): Node {
    const spec = FUNCTIONS[name.value];
    if (!spec) throw this.#fail(`unknown function '${name.value}'`, name);
    this.#expect('(');
    const args: Node[] = [];
    while (this.#peek().value !== ')') {
      args.push(this.expression(depth + 1));
      if (this.#peek().value !== ',') break;
      this.#pos++;
    }
    this.#expect(')');
    const first = args[0];
    const hasSubject =
      spec.subject && first?.type === 'path' && first.keys.length === 0 && SUBJECT_ROOTS.has(first.root);
    const n = args.length - (hasSubject ? 1 : 0);
    if (n < spec.min || n > spec.max) {
      const want = spec.min === spec.max ? `${spec.min}` : `${spec.min} to ${spec.max}`;
      throw this.#fail(`${name.value}() takes ${want} argument(s), got ${n}`, name);
    }
    return { type: 'call', name: name.value, args, column: name.column };
  }

  #path(root: Token): Node {
    const fields = ROOTS[root.value];
    if (!fields)
      throw this.#fail(`unknown name '${root.value}' (use ${Object.keys(ROOTS).join(', ')})`, root);
    const keys: string[] = [];
    while (this.#peek().value === '.') {
      this.#pos++;
      const key = this.#next();
      if (key.kind !== 'ident') throw this.#fail('expected a property name after .', key);
      const parent = keys.at(-1);
      if (keys.length === 0 && !fields.has(key.value))
        throw this.#fail(`unknown property '${root.value}.${key.value}'`, key);
      if (keys.length > 0 && parent !== 'properties') throw this.#fail(`'${parent}' has no properties`, key);
      keys.push(key.value);
    }
    return { type: 'path', root: root.value, keys, column: root.column };
  }

  #peek(): Token {
    return this.#tokens[this.#pos]!;
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'end') this.#pos++;
    return token;
  }

  #isWord(word: string): boolean {
    const t = this.#peek();
    return t.kind === 'ident' && t.value === word;
  }

  #expect(value: string): void {
    const token = this.#next();
    if (token.value !== value) throw this.#fail(`expected '${value}'`, token);
  }

  #fail(message: string, token: Token = this.#peek()) {
    return conditionError(this.#where, message, token.column);
  }
}
