import { AppError } from '../core/errors.ts';
import type { ObservableFlag } from './types.ts';

/**
 * Strict dotted-quad parser: four decimal octets, no leading zeros, nothing else. `010.1.1.1`
 * is rejected rather than normalized: inet_aton and browsers read `010` as octal (8) while most
 * tools read it as decimal (10), so no single reading is safe. Returns the address as an
 * unsigned 32-bit number, or -1.
 */
export function ipv4Int(s: string, start = 0, end = s.length): number {
  let parts = 0;
  let octet = 0;
  let digits = 0;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 1 && octet === 0) return -1;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return -1;
    } else if (c === 46 && digits > 0 && parts < 3) {
      value = value * 256 + octet;
      parts++;
      octet = 0;
      digits = 0;
    } else {
      return -1;
    }
  }
  return digits > 0 && parts === 3 ? value * 256 + octet : -1;
}

/** The canonical dotted-quad as a number; throws INVALID_INPUT when `v` is not one. */
export function ipv4ToInt(v: string): number {
  const n = ipv4Int(v);
  if (n < 0) throw new AppError('INVALID_INPUT', `not a canonical IPv4 address: ${v.slice(0, 64)}`);
  return n;
}

export function intToIpv4(n: number): string {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Special-purpose blocks (RFC 6890 registry), most specific first: the first match wins. */
const RANGES: readonly (readonly [string, number, ObservableFlag])[] = [
  ['0.0.0.0', 32, 'unspecified'],
  ['0.0.0.0', 8, 'reserved'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const TABLE = RANGES.map(([base, bits, flag]) => {
  const lo = ipv4ToInt(base);
  return { lo, hi: lo + 2 ** (32 - bits) - 1, flag };
});

/** The flag of the special block holding the whole range lo..hi, if any. */
export function ipv4RangeFlag(lo: number, hi = lo): ObservableFlag | undefined {
  for (const r of TABLE) if (lo >= r.lo && hi <= r.hi) return r.flag;
  return undefined;
}

/** Parses a canonical-or-not IPv4 string; the canonical form of a strict dotted quad is itself. */
export function parseIpv4(s: string): { value: string; flags: ObservableFlag[] } | null {
  const n = ipv4Int(s);
  if (n < 0) return null;
  const flag = ipv4RangeFlag(n);
  return { value: s, flags: flag ? [flag] : [] };
}
