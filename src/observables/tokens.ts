import { DEFAULT_LIMITS } from '../core/limits.ts';
import { parseCidr } from './cidr.ts';
import { canonicalDomain } from './domain.ts';
import { ipv4Int, parseIpv4 } from './ipv4.ts';
import { parseIpv6 } from './ipv6.ts';
import { isAlnum, isDigit, isTokenChar, isUrlChar, trimUrlEnd } from './text-chars.ts';
import type { TextContext } from './text-context.ts';
import { isTextDomain } from './text-domain.ts';
import { words } from './text-words.ts';
import type { TakenSpans } from './text-spans.ts';
import type { Observable } from './types.ts';
import { parseUrl } from './url.ts';

const isEdge = (c: number): boolean => c === 46 || c === 45 || c === 95;

const MAX_LENGTH = DEFAULT_LIMITS.maxObservableLength;

/**
 * Emits the host at [s, e) — or, when `[:port]/path` follows, the URL read as `http://` — and
 * returns where scanning resumes. A path that makes no valid URL (a bad port, over the length
 * limit) is skipped with its host kept, so that no text is scanned twice.
 */
function hostOrUrl(ctx: TextContext, s: number, e: number, host: Observable): number {
  const t = ctx.t;
  let q = e;
  if (t.charCodeAt(q) === 58) {
    while (q - e <= 5 && isDigit(t.charCodeAt(q + 1))) q++;
    q = q > e ? q + 1 : e;
  }
  if (t.charCodeAt(q) !== 47 || !isUrlChar(t.charCodeAt(q + 1))) {
    ctx.emit(s, e, host);
    return e;
  }
  let end = q + 1;
  while (end < t.length && isUrlChar(t.charCodeAt(end))) end++;
  end = trimUrlEnd(t, s, end);
  const u = end > q + 1 && end - s <= MAX_LENGTH ? parseUrl(t.slice(s, end), { assumeHttp: true }) : null;
  ctx.emit(s, u ? end : e, u ? { kind: 'url', value: u.value, flags: u.flags } : host);
  return end;
}

/** `/len` right after an address, not followed by more path: the end of the prefix or -1. */
function prefixEnd(t: string, e: number, maxDigits: number): number {
  if (t.charCodeAt(e) !== 47) return -1;
  let r = e + 1;
  while (r - e <= maxDigits && isDigit(t.charCodeAt(r))) r++;
  const next = t.charCodeAt(r);
  const more = isAlnum(next) || next === 47 || (next === 46 && isAlnum(t.charCodeAt(r + 1)));
  return r > e + 1 && !more ? r : -1;
}

function ipv4Piece(ctx: TextContext, s: number, e: number): number {
  const t = ctx.t;
  if (ipv4Int(t, s, e) < 0) return e;
  const p = prefixEnd(t, e, 2);
  const cidr = p > 0 ? parseCidr(t.slice(s, p)) : null;
  if (cidr) {
    ctx.emit(s, p, cidr);
    return p;
  }
  return hostOrUrl(ctx, s, e, { kind: 'ipv4', ...parseIpv4(t.slice(s, e))! });
}

/** A token with colons that is an IPv6 address or CIDR: emitted, its end; else -1. */
function ipv6Token(ctx: TextContext, s: number, e: number): number {
  const t = ctx.t;
  let colons = 0;
  for (let k = s; k < e; k++) {
    const c = t.charCodeAt(k);
    if (c === 58) colons++;
    else if (!(isDigit(c) || c === 46 || ((c | 0x20) >= 97 && (c | 0x20) <= 102))) return -1;
  }
  if (colons < 2) return -1;
  const p = prefixEnd(t, e, 3);
  const cidr = p > 0 ? parseCidr(t.slice(s, p)) : null;
  if (cidr) {
    ctx.emit(s, p, cidr);
    return p;
  }
  const ip = parseIpv6(t.slice(s, e));
  if (!ip || ip.value === '::') return -1; // a bare `::` in text is syntax (`Win32::API`)
  ctx.emit(s, e, { kind: 'ipv6', ...ip });
  return e;
}

/** One `:`-free piece of a token: an IPv4 (or CIDR, or URL), a domain (or URL), else words. */
function piece(ctx: TextContext, s0: number, e0: number): number {
  const t = ctx.t;
  let [s, e] = [s0, e0];
  while (s < e && isEdge(t.charCodeAt(s))) s++;
  while (e > s && isEdge(t.charCodeAt(e - 1))) e--;
  let numeric = true;
  let dot = false;
  for (let k = s; k < e; k++) {
    const c = t.charCodeAt(k);
    if (c === 46) dot = true;
    else if (!isDigit(c)) numeric = false;
  }
  if (s >= e || (numeric && !dot)) return e0;
  if (numeric) return Math.max(e0, ipv4Piece(ctx, s, e));
  const d = dot ? canonicalDomain(t.slice(s, e)) : null;
  if (d && isTextDomain(ctx, d, s, e)) {
    return Math.max(e0, hostOrUrl(ctx, s, e, { kind: 'domain', value: d.value, flags: d.flags }));
  }
  words(ctx, s, e);
  return e0;
}

function token(ctx: TextContext, s0: number, e: number, colon: boolean): number {
  const t = ctx.t;
  if (!colon) return piece(ctx, s0, e);
  let [s, end] = [s0, e];
  while (s < end && isEdge(t.charCodeAt(s))) s++;
  while (end > s && isEdge(t.charCodeAt(end - 1))) end--;
  const v6 = ipv6Token(ctx, s, end);
  if (v6 >= 0) return Math.max(v6, e);
  for (let p = s, k = s; k <= e; k++) {
    if (k < e && t.charCodeAt(k) !== 58) continue;
    const r = k > p ? piece(ctx, p, k) : k;
    if (r > e) return r; // a URL took the rest of the token
    p = k + 1;
  }
  return e;
}

/** Scans the tokens of the text (see isTokenChar) outside the spans already taken. */
export function scanTokens(ctx: TextContext, taken: TakenSpans): void {
  const t = ctx.t;
  const n = t.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isTokenChar(t.charCodeAt(i))) i++;
    const s = i;
    let colon = false;
    for (let c = t.charCodeAt(i); i < n && isTokenChar(c); c = t.charCodeAt(++i)) colon ||= c === 58;
    if (s < i && !taken.overlaps(s, i)) i = Math.max(i, token(ctx, s, i, colon));
  }
}
