import { ipv4Int } from '../observables/ipv4.ts';
import { ipv6Groups } from '../observables/ipv6.ts';

/**
 * Addresses as numbers for range searches: IPv4 as one uint32, IPv6 as four big-endian uint32
 * words (row `i` of a table of IPv6 bounds is `words[4i … 4i+3]`).
 */

/** A canonical dotted quad as a uint32, or -1. */
export const ipv4Number = (s: string): number => ipv4Int(s);

/** Writes an IPv6 text form as four words into `out` at `row`; false when it is not IPv6. */
export function ipv6Words(s: string, out: Uint32Array, row = 0): boolean {
  const g = ipv6Groups(s);
  if (g === null) return false;
  const at = row * 4;
  for (let i = 0; i < 4; i++) out[at + i] = g[2 * i]! * 65536 + g[2 * i + 1]!;
  return true;
}

/** The IPv4 address of an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), or -1. */
export function mappedIpv4(words: Uint32Array): number {
  return words[0] === 0 && words[1] === 0 && words[2] === 0xffff ? words[3]! : -1;
}

/** Compares row `row` of `table` with the four words of `probe`. */
export function compareWords(table: Uint32Array, row: number, probe: Uint32Array): number {
  const at = row * 4;
  for (let i = 0; i < 4; i++) {
    const d = table[at + i]! - probe[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** Index of the last of the ascending `starts` that is ≤ `ip`, or -1. */
export function floorV4(starts: Uint32Array, ip: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= ip) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** Index of the last row of the ascending IPv6 `starts` (4 words a row) that is ≤ `probe`, or -1. */
export function floorV6(starts: Uint32Array, probe: Uint32Array): number {
  let lo = 0;
  let hi = starts.length / 4 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (compareWords(starts, mid, probe) <= 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}
