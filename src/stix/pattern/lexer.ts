import { lexNumber, lexPrefixedLiteral, lexString } from './lex-literals.ts';
import { lexError, type Token } from './token.ts';

const KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'FOLLOWEDBY',
  'LIKE',
  'MATCHES',
  'ISSUPERSET',
  'ISSUBSET',
  'EXISTS',
  'LAST',
  'IN',
  'START',
  'STOP',
  'SECONDS',
  'WITHIN',
  'REPEATS',
  'TIMES',
]);

const PUNCT = [
  '==',
  '!=',
  '<>',
  '<=',
  '>=',
  '=',
  '<',
  '>',
  ':',
  '.',
  ',',
  '(',
  ')',
  '[',
  ']',
  '+',
  '-',
  '^',
  '/',
  '*',
];

// WS rule of the grammar: [ \t\r\n\u000B\u000C\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

export function isIdentifierStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

export function isKeyword(word: string): boolean {
  return KEYWORDS.has(word) || word === 'true' || word === 'false';
}

/**
 * Hand-written lexer for the STIXPattern.g4 token rules (longest match, keywords before
 * identifiers, `//` and `/* *\/` comments and the grammar's whitespace set skipped). Every rule
 * is a single forward scan, so lexing is linear in the pattern length.
 */
export class Lexer {
  private pos = 0;

  constructor(private readonly src: string) {}

  next(): Token {
    this.skipSpaceAndComments();
    const { src, pos: start } = this;
    if (start >= src.length) return { kind: 'eof', text: '', start };
    const c = src.charCodeAt(start);
    const d = src.charCodeAt(start + 1);
    const token =
      c === 0x27
        ? lexString(src, start)
        : (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e
          ? lexNumber(src, start)
          : d === 0x27 && (c === 0x68 || c === 0x62 || c === 0x74)
            ? lexPrefixedLiteral(src, start)
            : isIdentifierStart(c)
              ? this.word(start)
              : undefined;
    const result = token ?? this.punct(start);
    this.pos = result.end;
    return result.token;
  }

  private word(start: number): { token: Token; end: number } {
    let end = start + 1;
    while (end < this.src.length && isIdentifierPart(this.src.charCodeAt(end))) end++;
    const text = this.src.slice(start, end);
    if (text === 'true' || text === 'false') return { token: { kind: 'bool', text, start }, end };
    if (KEYWORDS.has(text)) return { token: { kind: 'keyword', text, start }, end };
    return { token: { kind: 'identifier', text, start, flag: text.includes('-') }, end };
  }

  private punct(start: number): { token: Token; end: number } {
    const p = PUNCT.find((q) => this.src.startsWith(q, start));
    if (p === undefined) throw lexError(`unexpected character ${JSON.stringify(this.src[start])}`, start);
    return { token: { kind: 'punct', text: p, start }, end: start + p.length };
  }

  private skipSpaceAndComments(): void {
    const { src } = this;
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (isSpace(c)) this.pos++;
      else if (src.startsWith('//', this.pos)) {
        while (this.pos < src.length && src[this.pos] !== '\n' && src[this.pos] !== '\r') this.pos++;
      } else if (src.startsWith('/*', this.pos)) {
        const end = src.indexOf('*/', this.pos + 2);
        if (end < 0) throw lexError('unterminated comment', this.pos);
        this.pos = end + 2;
      } else return;
    }
  }
}
