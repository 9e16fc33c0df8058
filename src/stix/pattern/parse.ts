import { AppError } from '../../core/errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';
import type { ComparisonExpression, ObservationExpression, PatternAst, Qualifier } from './ast.ts';
import { Lexer } from './lexer.ts';
import { compareTimestamps } from '../timestamp.ts';
import { comparisonTail, objectPath } from './parse-comparison.ts';
import { lexError, type Token } from './token.ts';

export interface ParsePatternOptions {
  /** `maxDepth` caps nested brackets and parentheses; `maxStringLength` caps the pattern length. */
  limits?: Pick<Limits, 'maxDepth' | 'maxStringLength'>;
}

/**
 * Parses a STIX 2.1 pattern (STIX 2.1 §9) into its syntax tree. Recursive descent over the
 * grammar STIXPattern.g4: FOLLOWEDBY binds loosest, then OR, then AND between observations;
 * inside brackets OR binds looser than AND; qualifiers bind to the observation before them.
 * Like cti-pattern-validator, a bracketed observation may not carry two qualifiers of the same
 * kind (`[…] WITHIN 5 SECONDS WITHIN 6 SECONDS`); after parentheses it may.
 *
 * Throws AppError INVALID_INPUT with the 1-based `column` and what was expected there, or
 * LIMIT_EXCEEDED when the pattern is longer or nests deeper than the limits.
 */
export function parsePattern(text: string, options: ParsePatternOptions = {}): PatternAst {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (text.length > limits.maxStringLength) {
    throw new AppError('LIMIT_EXCEEDED', `STIX pattern longer than ${limits.maxStringLength} characters`, {
      column: limits.maxStringLength + 1,
    });
  }
  const parser = new PatternParser(new Lexer(text), limits.maxDepth);
  const ast = parser.observations();
  if (parser.tok.kind !== 'eof') parser.fail('AND, OR, FOLLOWEDBY, a qualifier or the end of the pattern');
  return ast;
}

const observationOp =
  (operator: 'AND' | 'OR' | 'FOLLOWEDBY') =>
  (operands: ObservationExpression[]): ObservationExpression => ({
    type: 'observation-op',
    operator,
    operands,
  });
const OBSERVATION_OP = {
  AND: observationOp('AND'),
  OR: observationOp('OR'),
  FOLLOWEDBY: observationOp('FOLLOWEDBY'),
};

const comparisonOp =
  (operator: 'AND' | 'OR') =>
  (operands: ComparisonExpression[]): ComparisonExpression => ({ type: 'comparison-op', operator, operands });
const COMPARISON_OP = { AND: comparisonOp('AND'), OR: comparisonOp('OR') };

export class PatternParser {
  tok: Token;
  private depth = 0;

  constructor(
    private readonly lexer: Lexer,
    private readonly maxDepth: number,
  ) {
    this.tok = lexer.next();
  }

  advance(): Token {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  is(kind: 'punct' | 'keyword', text: string): boolean {
    return this.tok.kind === kind && this.tok.text === text;
  }

  expect(kind: 'punct' | 'keyword', text: string): Token {
    if (!this.is(kind, text)) this.fail(`'${text}'`);
    return this.advance();
  }

  fail(expected: string, tok: Token = this.tok): never {
    throw lexError(`expected ${expected}, found ${describe(tok)}`, tok.start);
  }

  /** Consumes the opening `[` or `(` and runs `body` one level deeper. */
  nested<T>(body: () => T): T {
    const open = this.advance();
    if (++this.depth > this.maxDepth) {
      throw new AppError('LIMIT_EXCEEDED', `STIX pattern nests deeper than ${this.maxDepth} levels`, {
        column: open.start + 1,
      });
    }
    const result = body();
    this.depth--;
    return result;
  }

  /** Parses `operand (op operand)*` into one n-ary node. */
  chain<T>(op: string, operand: () => T, make: (operands: T[]) => T): T {
    const first = operand();
    if (!this.is('keyword', op)) return first;
    const operands = [first];
    while (this.is('keyword', op)) {
      this.advance();
      operands.push(operand());
    }
    return make(operands);
  }

  // The levels below are methods, not local closures: every pattern of a feed is parsed, and
  // closures would be created (and, under tsx, named) for each.
  observations(): ObservationExpression {
    return this.chain('FOLLOWEDBY', () => this.observationsOr(), OBSERVATION_OP.FOLLOWEDBY);
  }

  private observationsOr(): ObservationExpression {
    return this.chain('OR', () => this.observationsAnd(), OBSERVATION_OP.OR);
  }

  private observationsAnd(): ObservationExpression {
    return this.chain('AND', () => this.observation(), OBSERVATION_OP.AND);
  }

  comparison(): ComparisonExpression {
    return this.chain('OR', () => this.comparisonAnd(), COMPARISON_OP.OR);
  }

  private comparisonAnd(): ComparisonExpression {
    return this.chain('AND', () => this.propTest(), COMPARISON_OP.AND);
  }

  private observation(): ObservationExpression {
    let result: ObservationExpression;
    const simple = this.is('punct', '[');
    if (simple) {
      const comparison = this.nested(() => this.comparison());
      this.expect('punct', ']');
      result = { type: 'observation', comparison };
    } else if (this.is('punct', '(')) {
      result = this.nested(() => this.observations());
      this.expect('punct', ')');
    } else {
      this.fail(`'[' or '('`);
    }
    const seen = new Set<Qualifier['type']>();
    for (let q = this.qualifier(); q; q = this.qualifier()) {
      if (simple && seen.has(q.qualifier.type)) {
        throw lexError(`duplicate ${q.token.text} qualifier on one observation`, q.token.start);
      }
      seen.add(q.qualifier.type);
      result = { type: 'qualified', qualifier: q.qualifier, expression: result };
    }
    return result;
  }

  private qualifier(): { token: Token; qualifier: Qualifier } | undefined {
    const token = this.tok;
    if (this.is('keyword', 'WITHIN')) {
      this.advance();
      const n = this.tok;
      if ((n.kind !== 'int' && n.kind !== 'float') || n.flag || !(Number(n.text) > 0))
        this.fail('a positive number of seconds');
      this.advance();
      this.expect('keyword', 'SECONDS');
      return { token, qualifier: { type: 'within', seconds: n.text } };
    }
    if (this.is('keyword', 'REPEATS')) {
      this.advance();
      const n = this.tok;
      if (n.kind !== 'int' || n.flag || !Number.isSafeInteger(Number(n.text)) || Number(n.text) < 1)
        this.fail('a positive integer');
      this.advance();
      this.expect('keyword', 'TIMES');
      return { token, qualifier: { type: 'repeats', times: Number(n.text) } };
    }
    if (this.is('keyword', 'START')) {
      this.advance();
      const start = this.timestamp();
      this.expect('keyword', 'STOP');
      const stop = this.timestamp();
      if (compareTimestamps(start, stop) >= 0)
        throw lexError(`STOP t'${stop}' is not later than START t'${start}'`, token.start);
      return { token, qualifier: { type: 'start-stop', start, stop } };
    }
    return undefined;
  }

  private timestamp(): string {
    if (this.tok.kind !== 'timestamp') this.fail("a timestamp t'…'");
    return this.advance().text;
  }

  private propTest(): ComparisonExpression {
    if (this.is('punct', '(')) {
      const inner = this.nested(() => this.comparison());
      this.expect('punct', ')');
      return inner;
    }
    if (this.is('keyword', 'EXISTS')) {
      this.advance();
      return { type: 'exists', path: objectPath(this) };
    }
    return comparisonTail(this, objectPath(this));
  }
}

export function describe(tok: Token): string {
  if (tok.kind === 'eof') return 'the end of the pattern';
  const text = tok.text.length > 40 ? `${tok.text.slice(0, 40)}…` : tok.text;
  if (tok.kind === 'string') return `string '${text}'`;
  return `'${text}'`;
}
