import { readFileSync } from 'node:fs';
import { AppError } from '../core/errors.ts';
import { floorV4, floorV6, compareWords, ipv6Words } from './ip-words.ts';

export interface AsnInfo {
  number: number;
  organization: string | null;
}

/**
 * ASN ranges (`start,end,asn,organization`, inclusive bounds; the format of the
 * @ip-location-db/asn CSVs) in sorted typed arrays. Each distinct (asn, organization) is one
 * shared frozen object, so a lookup allocates nothing.
 */
export interface AsnRanges {
  lookupV4(ip: number): AsnInfo | null;
  lookupV6(words: Uint32Array): AsnInfo | null;
}

/** Field bounds of one CSV line: `text[start..a)`, `(a..b)`, `(b..c)`, `(c..end)`. */
interface Line {
  no: number;
  start: number;
  a: number;
  b: number;
  c: number;
  end: number;
}

/** Calls `row` for each line of `start,end,asn,organization`. */
function eachLine(text: string, row: (l: Line) => void): void {
  const l: Line = { no: 0, start: 0, a: 0, b: 0, c: 0, end: 0 };
  for (let start = 0; start < text.length; start = l.end + 1) {
    l.no++;
    l.start = start;
    l.end = text.indexOf('\n', start);
    if (l.end < 0) l.end = text.length;
    l.a = text.indexOf(',', start);
    l.b = text.indexOf(',', l.a + 1);
    l.c = text.indexOf(',', l.b + 1);
    if (l.a < 0 || l.b < 0 || l.c < 0 || l.c > l.end) throw new Error(`line ${l.no}: expected 4 fields`);
    row(l);
  }
}

/** A decimal field, without allocating; NaN when it is not one. */
function decimal(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return to > from ? n : NaN;
}

/** Interns (asn, organization) without allocating for a pair already seen. */
function interner(text: string) {
  const infos: AsnInfo[] = [];
  const raws: string[] = [];
  const byAsn = new Map<number, number[]>();
  return {
    infos,
    of(l: Line): number {
      const asn = decimal(text, l.b + 1, l.c);
      const from = l.c + 1;
      const to = text.charCodeAt(l.end - 1) === 13 ? l.end - 1 : l.end;
      const seen = byAsn.get(asn);
      for (const i of seen ?? []) {
        if (raws[i]!.length === to - from && text.startsWith(raws[i]!, from)) return i;
      }
      const raw = text.slice(from, to);
      // RFC 4180: a quoted field doubles its quotes.
      const org = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw;
      infos.push(Object.freeze({ number: asn, organization: org === '' ? null : org }));
      raws.push(raw);
      if (seen) seen.push(infos.length - 1);
      else byAsn.set(asn, [infos.length - 1]);
      return infos.length - 1;
    },
  };
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

function failure(file: string, e: unknown): AppError {
  const m = /^line (\d+): (.*)$/.exec((e as Error).message);
  return new AppError('INVALID_INPUT', `bad ASN range data: ${m ? m[2] : (e as Error).message}`, {
    file,
    ...(m ? { line: Number(m[1]) } : {}),
  });
}

/** Loads the IPv4 (`…-ipv4-num.csv`, numeric bounds) and IPv6 (`…-ipv6.csv`, text bounds) files. */
export function loadAsnRanges(files: { ipv4: string; ipv6: string }): AsnRanges {
  const v4 = readFileSync(files.ipv4, 'utf8');
  const n4 = lineCount(v4);
  const s4 = new Uint32Array(n4);
  const e4 = new Uint32Array(n4);
  const i4 = new Uint32Array(n4);
  const in4 = interner(v4);
  let k = 0;
  try {
    eachLine(v4, (l) => {
      const start = decimal(v4, l.start, l.a);
      const end = decimal(v4, l.a + 1, l.b);
      if (!(end >= start) || end > 0xffffffff) throw new Error(`line ${l.no}: bad range`);
      if (k > 0 && start < s4[k - 1]!) throw new Error(`line ${l.no}: ranges are not sorted`);
      s4[k] = start;
      e4[k] = end;
      i4[k++] = in4.of(l);
    });
  } catch (e) {
    throw failure(files.ipv4, e);
  }

  const v6 = readFileSync(files.ipv6, 'utf8');
  const n6 = lineCount(v6);
  const s6 = new Uint32Array(n6 * 4);
  const e6 = new Uint32Array(n6 * 4);
  const i6 = new Uint32Array(n6);
  const in6 = interner(v6);
  k = 0;
  try {
    eachLine(v6, (l) => {
      if (!ipv6Words(v6.slice(l.start, l.a), s6, k) || !ipv6Words(v6.slice(l.a + 1, l.b), e6, k))
        throw new Error(`line ${l.no}: bad IPv6 range`);
      if (k > 0 && compareWords(s6, k, s6.subarray((k - 1) * 4, k * 4)) < 0)
        throw new Error(`line ${l.no}: ranges are not sorted`);
      i6[k++] = in6.of(l);
    });
  } catch (e) {
    throw failure(files.ipv6, e);
  }
  const [infos4, infos6] = [in4.infos, in6.infos];
  return {
    lookupV4(ip) {
      const r = floorV4(s4, ip);
      return r >= 0 && ip <= e4[r]! ? infos4[i4[r]!]! : null;
    },
    lookupV6(words) {
      const r = floorV6(s6, words);
      return r >= 0 && compareWords(e6, r, words) >= 0 ? infos6[i6[r]!]! : null;
    },
  };
}
