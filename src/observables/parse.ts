import { DEFAULT_LIMITS } from '../core/limits.ts';
import { parseAsn } from './asn.ts';
import { parseCidr } from './cidr.ts';
import { parseCve } from './cve.ts';
import { canonicalDomain } from './domain.ts';
import { parseEmail } from './email.ts';
import { hashKindOfLength, parseHash } from './hash.ts';
import { parseIpv4 } from './ipv4.ts';
import { parseIpv6 } from './ipv6.ts';
import { refang } from './refang.ts';
import { mayBeDefanged, shapeOf } from './shape.ts';
import type { Observable, ObservableKind } from './types.ts';
import { parseUrl } from './url.ts';

function ip(s: string, family: 4 | 6): Observable | null {
  const text = family === 6 && s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  if (text.includes('/')) {
    const c = parseCidr(text);
    return c && (c.kind.endsWith('4') === (family === 4) ? c : null);
  }
  const r = family === 4 ? parseIpv4(text) : parseIpv6(text);
  return r && { kind: family === 4 ? 'ipv4' : 'ipv6', value: r.value, flags: r.flags };
}

function domain(s: string, requireKnown: boolean): Observable | null {
  const d = canonicalDomain(s);
  return d && (!requireKnown || d.knownSuffix) ? { kind: 'domain', value: d.value, flags: d.flags } : null;
}

function url(s: string, assumeHttp: boolean, requireKnown = false): Observable | null {
  const u = parseUrl(s, { assumeHttp });
  return u && (!requireKnown || u.host.knownSuffix) ? { kind: 'url', value: u.value, flags: u.flags } : null;
}

function email(s: string): Observable | null {
  const e = parseEmail(s);
  return e && { kind: 'email', value: e.value, flags: e.flags };
}

function hash(s: string, kind: ObservableKind): Observable | null {
  const h = parseHash(s);
  return h && h.kind === kind ? { kind: h.kind, value: h.value, flags: [] } : null;
}

function asn(s: string, bare: boolean): Observable | null {
  const a = parseAsn(s, bare);
  return a && { kind: 'asn', value: a.value, flags: a.flags };
}

function cve(s: string): Observable | null {
  const c = parseCve(s);
  return c === null ? null : { kind: 'cve', value: c, flags: [] };
}

/**
 * A named kind is trusted: domains with an unknown TLD are accepted (flagged), URLs may lack
 * `scheme://`, ASNs may be bare numbers. IP kinds name a family: `ipv4` given a CIDR yields a
 * `cidr4`, `cidr4` given a /32 or a bare address yields an `ipv4` (likewise for IPv6).
 */
function parseAs(kind: ObservableKind, s: string): Observable | null {
  switch (kind) {
    case 'ipv4':
    case 'cidr4':
      return ip(s, 4);
    case 'ipv6':
    case 'cidr6':
      return ip(s, 6);
    case 'domain':
      return domain(s, false);
    case 'url':
      return url(s, true);
    case 'email':
      return email(s);
    case 'asn':
      return asn(s, true);
    case 'cve':
      return cve(s);
    default:
      return hash(s, kind);
  }
}

/**
 * Without a kind the shape decides. Domains (and `host/path` URLs) then need an ICANN or
 * special-use suffix, so that `invoice.pdf` is no domain; `scheme://` URLs and e-mails are
 * accepted with an `unknown-tld` flag.
 */
function parseDetected(s: string): Observable | null {
  const shape = shapeOf(s);
  if (shape.schemeSep) return url(s, false);
  const hashKind = shape.hex ? hashKindOfLength(s.length) : undefined;
  if (hashKind) return { kind: hashKind, value: s.toLowerCase(), flags: [] };
  if (shape.ipv4Chars) return ip(s, 4);
  if (shape.colon) return ip(s, 6);
  const c0 = s.charCodeAt(0) | 0x20;
  if (c0 === 99 && /^cve[-\u2010\u2011]/i.test(s)) return cve(s);
  if (c0 === 97 && /^asn?\s?\d/i.test(s)) return asn(s, false);
  if (shape.at) return email(s);
  if (shape.slash) return url(s, true, true);
  return domain(s, true);
}

/**
 * Refang, detect (or use `kind`), validate and canonicalize one value. Null when the value is
 * not valid for that kind. The returned kind may be a sibling IP kind of the one named (see
 * parseAs); a value that needed refanging carries the `defanged` flag.
 */
export function parseObservable(raw: string, kind?: ObservableKind): Observable | null {
  if (raw.length > DEFAULT_LIMITS.maxObservableLength) return null;
  let s = raw.trim();
  let defanged = false;
  if (mayBeDefanged(s)) {
    const r = refang(s).trim();
    defanged = r !== s;
    s = r;
  }
  if (s.length === 0) return null;
  const o = kind ? parseAs(kind, s) : parseDetected(s);
  if (o && defanged) o.flags.push('defanged');
  return o;
}

/** The canonical value of `raw` read as `kind`, or null (see parseObservable). */
export function canonicalize(kind: ObservableKind, raw: string): string | null {
  return parseObservable(raw, kind)?.value ?? null;
}

/** The kind of the observable `raw` is (after refanging), or null. */
export function detectKind(raw: string): ObservableKind | null {
  return parseObservable(raw)?.kind ?? null;
}
