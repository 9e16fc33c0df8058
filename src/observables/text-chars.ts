/** Character classes of the free-text scanners (extract.ts, tokens.ts). */

const ASCII_TOKEN = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_TOKEN[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_TOKEN[c] = ASCII_TOKEN[c + 32] = 1;
for (const ch of '.-_:') ASCII_TOKEN[ch.charCodeAt(0)] = 1;

/**
 * Letters of alphabetic scripts (Latin-1 letters up to U+1FFF: Latin, Greek, Cyrillic, …) may be
 * part of IDN labels; punctuation blocks, CJK (written without spaces) and symbols delimit.
 */
function isScriptLetter(c: number): boolean {
  return c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7;
}

/** A character of a token: ASCII alphanumerics, `.`, `-`, `_`, `:` and script letters. */
export function isTokenChar(c: number): boolean {
  return c < 128 ? ASCII_TOKEN[c] === 1 : isScriptLetter(c);
}

const URL_STOP = new Set('"\'<>`{}|\\^'.split('').map((ch) => ch.charCodeAt(0)));

/** A character that may continue a URL in text: printable ASCII but quotes, brackets `<>{}` …, or script letters. */
export function isUrlChar(c: number): boolean {
  return c < 128 ? c > 32 && c !== 127 && !URL_STOP.has(c) : isScriptLetter(c);
}

export function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const TRAILING = new Set('.,;:!?*_\'"'.split('').map((ch) => ch.charCodeAt(0)));

/**
 * Where a URL found in text really ends: trailing punctuation is dropped, and a closing `)` or
 * `]` only stays when it balances an opening one inside the URL (`…/Foo_(bar)` keeps it).
 */
export function trimUrlEnd(t: string, start: number, end: number): number {
  let parens = 0;
  let brackets = 0;
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === 40) parens++;
    else if (c === 41) parens--;
    else if (c === 91) brackets++;
    else if (c === 93) brackets--;
  }
  let e = end;
  while (e > start) {
    const c = t.charCodeAt(e - 1);
    if (TRAILING.has(c)) e--;
    else if (c === 41 && parens < 0) [e, parens] = [e - 1, parens + 1];
    else if (c === 93 && brackets < 0) [e, brackets] = [e - 1, brackets + 1];
    else break;
  }
  return e;
}
