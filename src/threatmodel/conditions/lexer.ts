import { type ConditionSource, conditionError } from './condition-error.ts';

export type TokenKind = 'ident' | 'string' | 'number' | 'op' | 'punct' | 'end';

export interface Token {
  kind: TokenKind;
  value: string;
  /** 1-based column of the token's first character. */
  column: number;
}

const OPS = ['==', '!=', '<=', '>=', '<', '>'];
const PUNCT = '()[],.';

/** Splits a condition into tokens; linear in the length, no regular expressions on the input. */
export function tokenize(text: string, where: ConditionSource): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (isIdentStart(c)) {
      const start = i;
      while (i < text.length && isIdentPart(text[i]!)) i++;
      tokens.push({ kind: 'ident', value: text.slice(start, i), column: start + 1 });
    } else if (isDigit(c) || (c === '-' && isDigit(text[i + 1] ?? ''))) {
      const start = i++;
      while (i < text.length && (isDigit(text[i]!) || text[i] === '.')) i++;
      const value = text.slice(start, i);
      if (!Number.isFinite(Number(value))) throw conditionError(where, `bad number '${value}'`, start + 1);
      tokens.push({ kind: 'number', value, column: start + 1 });
    } else if (c === "'" || c === '"') {
      const { value, end } = readString(text, i, where);
      tokens.push({ kind: 'string', value, column: i + 1 });
      i = end;
    } else {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', value: op, column: i + 1 });
        i += op.length;
      } else if (PUNCT.includes(c)) {
        tokens.push({ kind: 'punct', value: c, column: i + 1 });
        i++;
      } else {
        throw conditionError(where, `unexpected character '${c}'`, i + 1);
      }
    }
  }
  tokens.push({ kind: 'end', value: '', column: text.length + 1 });
  return tokens;
}

function readString(text: string, start: number, where: ConditionSource): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else {
      value += c;
      i++;
    }
  }
  throw conditionError(where, 'unterminated string', start + 1);
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdentStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentPart = (c: string) => isIdentStart(c) || isDigit(c);
