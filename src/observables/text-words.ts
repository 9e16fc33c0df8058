import { parseAsn } from './asn.ts';
import { parseCve } from './cve.ts';
import { isHashRun, parseHash } from './hash.ts';
import { isAlnum, isDigit } from './text-chars.ts';
import type { TextContext } from './text-context.ts';

const isWordChar = (c: number): boolean => isAlnum(c) || c === 95;

/** Hashes, ASNs and CVEs among the word runs ([A-Za-z0-9_]+) of a piece. */
export function words(ctx: TextContext, s: number, e: number): void {
  const t = ctx.t;
  for (let k = s; k < e;) {
    while (k < e && !isWordChar(t.charCodeAt(k))) k++;
    const ws = k;
    while (k < e && isWordChar(t.charCodeAt(k))) k++;
    if (ws === k) continue;
    if (isHashRun(t, ws, k)) {
      const h = parseHash(t.slice(ws, k))!;
      ctx.emit(ws, k, { kind: h.kind, value: h.value, flags: [] });
    } else if (t.startsWith('AS', ws)) {
      // `AS13335`, `ASN13335`, and `AS 13335` / `ASN 13335` across one space.
      let end = k;
      if (k === e && k - ws <= 3 && t.charCodeAt(k) === 32 && isDigit(t.charCodeAt(k + 1))) {
        end = k + 1;
        while (end - k <= 10 && isDigit(t.charCodeAt(end))) end++;
      }
      const a = isWordChar(t.charCodeAt(end)) ? null : parseAsn(t.slice(ws, end), false);
      if (a) ctx.emit(ws, end, { kind: 'asn', ...a });
    } else if (k - ws === 3 && t.charCodeAt(k) === 45 && /^cve$/i.test(t.slice(ws, k))) {
      let end = k + 1;
      while (end < e && (isDigit(t.charCodeAt(end)) || t.charCodeAt(end) === 45) && end - ws < 32) end++;
      const c = isWordChar(t.charCodeAt(end)) ? null : parseCve(t.slice(ws, end));
      if (c) ctx.emit(ws, end, { kind: 'cve', value: c, flags: [] });
    }
  }
}
