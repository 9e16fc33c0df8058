import { intToIpv4, ipv4Int, ipv4RangeFlag } from './ipv4.ts';
import type { ObservableFlag } from './types.ts';

/** Eight 16-bit groups. */
export type Ipv6Groups = number[];

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** RFC 4291 §2.2 text forms (no zone id, no brackets) → groups, or null. One pass, no allocation but the result. */
export function ipv6Groups(s: string): Ipv6Groups | null {
  const n = s.length;
  if (n < 2 || n > 45) return null;
  const g: number[] = [];
  let gap = -1; // where `::` stands, as an index into g
  let i = 0;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return null;
    gap = 0;
    i = 2;
  }
  while (i < n) {
    const start = i;
    let v = 0;
    for (let d = hexDigit(s.charCodeAt(i)); d >= 0 && i - start < 4; d = hexDigit(s.charCodeAt(++i)))
      v = v * 16 + d;
    if (s.charCodeAt(i) === 46) {
      const v4 = ipv4Int(s, start, n); // an embedded IPv4 ends the address
      if (v4 < 0 || g.length > 6) return null;
      g.push(v4 >>> 16, v4 & 0xffff);
      break;
    }
    if (i === start || g.length === 8) return null;
    g.push(v);
    if (i === n) break;
    if (s.charCodeAt(i++) !== 58 || i === n) return null;
    if (s.charCodeAt(i) === 58) {
      if (gap >= 0) return null;
      gap = g.length;
      i++;
    }
  }
  if (gap < 0) return g.length === 8 ? g : null;
  if (g.length > 7) return null;
  g.splice(gap, 0, ...new Array<number>(8 - g.length).fill(0));
  return g;
}

function isMapped(g: Ipv6Groups): boolean {
  return g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff;
}

/**
 * RFC 5952 §4: lower-case, no leading zeros, the longest run (first on a tie) of two or more
 * zero groups as `::`. IPv4-mapped addresses keep the dotted quad (§5).
 */
export function formatIpv6(g: Ipv6Groups): string {
  if (isMapped(g)) return `::ffff:${intToIpv4(g[6]! * 65536 + g[7]!)}`;
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

export function ipv6Hex(g: Ipv6Groups): string {
  return g.map((x) => x.toString(16).padStart(4, '0')).join('');
}

/** Groups masked to the first `bits` bits, or with the remaining bits set when `fill`. */
export function maskIpv6(g: Ipv6Groups, bits: number, fill: boolean): Ipv6Groups {
  return g.map((x, i) => {
    const keep = Math.max(0, Math.min(16, bits - 16 * i));
    const mask = (0xffff << (16 - keep)) & 0xffff;
    return fill ? (x & mask) | (~mask & 0xffff) : x & mask;
  });
}

function inPrefix(g: Ipv6Groups, p: Ipv6Groups, bits: number): boolean {
  for (let i = 0; i * 16 < bits; i++) {
    const keep = Math.min(16, bits - 16 * i);
    if ((g[i]! >>> (16 - keep)) << (16 - keep) !== p[i]) return false;
  }
  return true;
}

/** Special-purpose blocks (IANA IPv6 special registry), most specific first. */
const RANGES: readonly (readonly [string, number, ObservableFlag])[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'private'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'documentation'],
  ['3fff::', 20, 'documentation'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'reserved'],
  ['ff00::', 8, 'multicast'],
];
const TABLE = RANGES.map(([p, bits, flag]) => ({ p: ipv6Groups(p)!, bits, flag }));

/** The flag of the special block holding the whole range lo..hi, if any. */
export function ipv6RangeFlag(lo: Ipv6Groups, hi: Ipv6Groups = lo): ObservableFlag | undefined {
  if (isMapped(lo) && isMapped(hi)) return ipv4RangeFlag(lo[6]! * 65536 + lo[7]!, hi[6]! * 65536 + hi[7]!);
  for (const r of TABLE) if (inPrefix(lo, r.p, r.bits) && inPrefix(hi, r.p, r.bits)) return r.flag;
  // Outside global unicast 2000::/3 (RFC 4291 §2.4) and none of the above.
  if ((lo[0]! < 0x2000 && hi[0]! < 0x2000) || lo[0]! >= 0x4000) return 'reserved';
  return undefined;
}

export function parseIpv6(s: string): { value: string; flags: ObservableFlag[] } | null {
  const g = ipv6Groups(s);
  if (!g) return null;
  const flag = ipv6RangeFlag(g);
  return { value: formatIpv6(g), flags: flag ? [flag] : [] };
}
