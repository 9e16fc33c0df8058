import { isTimestamp } from '../timestamp.ts';
import { lexError, type Token } from './token.ts';

/** The literal token rules of STIXPattern.g4, each a single forward scan. */
interface Lexed {
  token: Token;
  end: number;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

function digitsEnd(src: string, from: number): number {
  let i = from;
  while (isDigit(src.charCodeAt(i))) i++;
  return i;
}

/** StringLiteral: QUOTE ( ~['\\] | '\\\'' | '\\\\' )* QUOTE. */
export function lexString(src: string, start: number): Lexed {
  let value = '';
  let chunkStart = start + 1;
  for (let i = start + 1; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x27) {
      value += src.slice(chunkStart, i);
      return { token: { kind: 'string', text: value, start }, end: i + 1 };
    }
    if (c === 0x5c) {
      const next = src[i + 1];
      if (next !== "'" && next !== '\\') {
        throw lexError(`invalid escape in string literal (only \\' and \\\\ are allowed)`, i);
      }
      value += src.slice(chunkStart, i) + next;
      i++;
      chunkStart = i + 1;
    }
  }
  throw lexError('unterminated string literal', start);
}

/**
 * IntPosLiteral '+'? ('0' | [1-9][0-9]*), IntNegLiteral '-' (…), FloatPosLiteral '+'? [0-9]* '.' [0-9]+,
 * FloatNegLiteral '-' [0-9]* '.' [0-9]+, with ANTLR's longest match. Returns undefined for a lone
 * `+`, `-` or `.` (punctuation tokens).
 */
export function lexNumber(src: string, start: number): Lexed | undefined {
  const sign = src[start] === '+' || src[start] === '-' ? src[start] : '';
  const from = start + sign.length;
  const intEnd = digitsEnd(src, from);
  const neg = sign === '-';
  if (src[intEnd] === '.' && isDigit(src.charCodeAt(intEnd + 1))) {
    const end = digitsEnd(src, intEnd + 1);
    const text = (neg ? '-' : '') + src.slice(from, end);
    return { token: { kind: 'float', text, start, flag: neg }, end };
  }
  if (intEnd === from) return undefined;
  const end = src[from] === '0' ? from + 1 : intEnd;
  return { token: { kind: 'int', text: (neg ? '-' : '') + src.slice(from, end), start, flag: neg }, end };
}

const HEX = /^(?:[0-9A-Fa-f]{2})*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$/;
const PREFIXED = {
  h: { kind: 'hex', valid: (s: string) => HEX.test(s), name: 'hex literal' },
  b: { kind: 'binary', valid: (s: string) => BASE64.test(s), name: 'binary (base64) literal' },
  t: { kind: 'timestamp', valid: isTimestamp, name: 'timestamp literal' },
} as const;

/**
 * HexLiteral h'…', BinaryLiteral b'…' and TimestampLiteral t'…'. The body runs to the next quote
 * (none of these literals may contain one); the anchored rules have no nested quantifiers, so
 * they run in linear time.
 */
export function lexPrefixedLiteral(src: string, start: number): Lexed {
  const spec = PREFIXED[src[start] as keyof typeof PREFIXED];
  const close = src.indexOf("'", start + 2);
  if (close < 0) throw lexError(`unterminated ${spec.name}`, start);
  const body = src.slice(start + 2, close);
  if (!spec.valid(body)) throw lexError(`invalid ${spec.name} ${JSON.stringify(body)}`, start);
  return { token: { kind: spec.kind, text: body, start }, end: close + 1 };
}
