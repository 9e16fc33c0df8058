import { intToIpv4, ipv4Int, ipv4RangeFlag } from './ipv4.ts';
import type { ObservableFlag } from './types.ts';

/** Eight 16-bit groups. */
export type Ipv6Groups = number[];

function hexGroup(s: string): number {
  if (s.length === 0 || s.length > 4) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** Parses the colon-separated groups of one side of `::`; the last may be a dotted quad. */
function groupsOf(part: string, allowV4: boolean, out: number[]): boolean {
  if (part === '') return true;
  const pieces = part.split(':');
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (allowV4 && i === pieces.length - 1 && p.includes('.')) {
      const v4 = ipv4Int(p);
      if (v4 < 0) return false;
      out.push(v4 >>> 16, v4 & 0xffff);
    } else {
      const g = hexGroup(p);
      if (g < 0) return false;
      out.push(g);
    }
  }
  return true;
}

/** RFC 4291 §2.2 text forms (no zone id, no brackets) → groups, or null. */
export function ipv6Groups(s: string): Ipv6Groups | null {
  if (s.length < 2 || s.length > 45) return null;
  const dbl = s.indexOf('::');
  const head: number[] = [];
  const tail: number[] = [];
  if (dbl < 0) {
    if (!groupsOf(s, true, head) || head.length !== 8) return null;
    return head;
  }
  if (s.includes('::', dbl + 1)) return null;
  const tailText = s.slice(dbl + 2);
  if (!groupsOf(s.slice(0, dbl), false, head) || !groupsOf(tailText, true, tail)) return null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
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
  for (let i = 0; i < 8; ) {
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
  return maskIpv6(g, bits, false).every((x, i) => x === p[i]);
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
