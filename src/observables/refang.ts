import { isIcannTld } from './domain.ts';

/**
 * One pass over the text, each alternative of bounded length, so the scan is linear:
 * 1. `hxxp`, `hXXp`, `h**p`, `fxp` (+`s`) before a (bracketed) colon;
 * 2. a bracketed dot or at, eating one space on each side: `[.]`, `(.)`, `{.}`, `[dot]`, `[@]`, `(at)`;
 * 3. bracketed separators `[:]`, `[://]`, `[/]`, and the JSON-escaped slash `\/`;
 * 4. `\.` and look-alike dots (U+2024, U+3002, U+FE52, U+FF0E, U+FF61) between alphanumerics;
 * 5. ` dot ` between alphanumerics, kept only when it joins the labels of a domain (see dotJoins).
 * The alphanumeric before 4 and 5 is checked in the callback: a lookbehind would defeat the
 * regex engine's first-character scan.
 */
const DEFANGED = new RegExp(
  [
    String.raw`\b(h(?:xx|\*\*)p|fxp)(s?)(?=\s?[\[({]?:)`,
    String.raw` ?[\[({] {0,2}(\.|dot|@|at) {0,2}[\])}] ?`,
    String.raw`[\[({](:\/\/|:|\/)[\])}]|\\(\/)`,
    String.raw`(?:\\\.|[\u2024\u3002\uFE52\uFF0E\uFF61])(?=[a-z0-9])`,
    String.raw` dot (?=[a-z0-9])`,
  ].join('|'),
  'gi',
);

/** Words that precede " dot com" in prose ("the dot com bubble") rather than in a domain. */
const PROSE_WORDS = new Set('the a an one each every per this that its no and or'.split(' '));
const MAX_CHAIN = 256;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

function isLabelChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * ` dot ` at `at` is a defanged dot when the word before is no prose word and the chain of
 * labels after it (joined by ` dot ` or `.`, looked at up to 256 characters) ends in an ICANN TLD.
 */
function dotJoins(text: string, at: number): boolean {
  let s = at;
  while (s > 0 && at - s < 63 && isLabelChar(text.charCodeAt(s - 1))) s--;
  if (PROSE_WORDS.has(text.slice(s, at).toLowerCase())) return false;
  let i = at + 5;
  let label: string;
  const limit = Math.min(text.length, at + MAX_CHAIN);
  for (;;) {
    const start = i;
    while (i < limit && isLabelChar(text.charCodeAt(i))) i++;
    label = text.slice(start, i);
    if (text.charCodeAt(i) === 46 && isLabelChar(text.charCodeAt(i + 1))) i++;
    else if (/^ dot [a-z0-9]/i.test(text.slice(i, i + 6))) i += 5;
    else break;
  }
  return isIcannTld(label);
}

export interface RefangResult {
  text: string;
  /** Start/end pairs (in `text`) of the spans that replaced a defanged form, in order. */
  marks: number[];
}

/** Refangs and records where, so that extraction can flag the observables that were defanged. */
export function refangMarked(input: string): RefangResult {
  const marks: number[] = [];
  let delta = 0;
  const text = input.replace(DEFANGED, (m: string, ...args: unknown[]) => {
    const [scheme, s, bracketed, sep, slash] = args as (string | undefined)[];
    const offset = args[5] as number;
    let rep: string;
    if (scheme !== undefined)
      rep = (scheme.toLowerCase() === 'fxp' ? 'ftp' : 'http') + (s ?? '').toLowerCase();
    else if (bracketed !== undefined)
      rep = bracketed === '.' || bracketed.toLowerCase() === 'dot' ? '.' : '@';
    else if (sep !== undefined || slash !== undefined) rep = sep ?? '/';
    else if (!isAlnum(input.charCodeAt(offset - 1))) return m;
    else if (m.length <= 2 || dotJoins(input, offset))
      rep = '.'; // `\.` or a look-alike; else ` dot `
    else return m;
    marks.push(offset + delta, offset + delta + rep.length);
    delta += rep.length - m.length;
    return rep;
  });
  return { text, marks };
}

/** Undoes the usual defanging of indicators (`hxxp`, `[.]`, `(dot)`, `[@]`, `[:]`, …). */
export function refang(text: string): string {
  return refangMarked(text).text;
}
