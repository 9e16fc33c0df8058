import type { Limits } from '../../core/limits.ts';

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
/** PCRE modifiers with a JavaScript equivalent; `g` means nothing to preg_match and is dropped. */
const FLAGS: Record<string, string> = { i: 'i', m: 'm', s: 's', u: 'u', g: '' };
/** Quantifiers that repeat more than this many times count as unbounded. */
const BOUNDED_REPEAT = 16;
/** Unbounded quantifiers in one pattern: each one more multiplies backtracking by the input length. */
const MAX_UNBOUNDED = 2;

/**
 * Compiles one regex entry of a warninglist: a PCRE pattern with delimiters and modifiers
 * (`/…/i`, `#…#`, `{…}`), as MISP's preg_match reads it (warninglists §4b). Entries are
 * untrusted: patterns that can backtrack catastrophically are refused (throws Error with the
 * reason) rather than run: backreferences, a repeated group holding a repetition or an
 * alternation (`(a+)+`, `(a|aa)*`), more than two unbounded quantifiers, or an overlong pattern.
 */
export function compileRegexEntry(entry: string, limits: Pick<Limits, 'maxRegexLength'>): RegExp {
  if (entry.length > limits.maxRegexLength)
    throw new Error(`regex is longer than ${limits.maxRegexLength} characters`);
  const open = entry.charAt(0);
  if (open === '' || /[A-Za-z0-9\\\s]/.test(open)) throw new Error('regex has no delimiter (e.g. /…/i)');
  const close = CLOSING[open] ?? open;
  const end = entry.lastIndexOf(close);
  if (end <= 0) throw new Error(`regex has no closing delimiter ${close}`);
  let flags = '';
  for (const m of entry.slice(end + 1)) {
    const f = FLAGS[m];
    if (f === undefined) throw new Error(`unsupported regex modifier ${JSON.stringify(m)}`);
    if (!flags.includes(f)) flags += f;
  }
  const body = entry.slice(1, end);
  checkBacktracking(body);
  try {
    return new RegExp(body, flags);
  } catch (e) {
    throw new Error(`invalid regex: ${(e as Error).message}`);
  }
}

interface Frame {
  repeats: boolean;
  alternates: boolean;
}

/** The largest repeat count of the quantifier at `i` (0 when there is none) and its length. */
function quantifier(p: string, i: number): { max: number; length: number } {
  const c = p.charAt(i);
  let q = { max: 0, length: 0 };
  if (c === '*' || c === '+') q = { max: Infinity, length: 1 };
  else if (c === '?') q = { max: 1, length: 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
    if (m)
      q = { max: m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity, length: m[0].length };
  }
  if (q.length > 0 && (p.charAt(i + q.length) === '?' || p.charAt(i + q.length) === '+')) q.length++;
  return q;
}

function checkBacktracking(p: string): void {
  const stack: Frame[] = [{ repeats: false, alternates: false }];
  let unbounded = 0;
  for (let i = 0; i < p.length;) {
    const c = p.charAt(i);
    let closed: Frame | null = null;
    if (c === '\\') {
      if (/[1-9k]/.test(p.charAt(i + 1))) throw new Error('backreferences are not allowed in a regex');
      i += 2;
    } else if (c === '[') {
      i = p.charAt(i + 1) === ']' ? i + 2 : i + 1;
      while (i < p.length && p.charAt(i) !== ']') i += p.charAt(i) === '\\' ? 2 : 1;
      i++;
    } else if (c === '(') {
      stack.push({ repeats: false, alternates: false });
      i++;
      continue;
    } else if (c === ')') {
      closed = stack.length > 1 ? stack.pop()! : null;
      i++;
    } else if (c === '|') {
      stack.at(-1)!.alternates = true;
      i++;
      continue;
    } else i++;
    const q = quantifier(p, i);
    const repeats = q.max > 1;
    if (repeats && closed && (closed.repeats || closed.alternates))
      throw new Error('a repeated group holds a repetition or an alternation (catastrophic backtracking)');
    if (q.max > BOUNDED_REPEAT && ++unbounded > MAX_UNBOUNDED)
      throw new Error(`more than ${MAX_UNBOUNDED} unbounded quantifiers in one regex`);
    stack.at(-1)!.repeats ||= repeats || (closed?.repeats ?? false);
    i += q.length;
  }
}
