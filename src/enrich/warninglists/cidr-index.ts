import { parseCidr } from '../../observables/cidr.ts';
import { ipv4Int } from '../../observables/ipv4.ts';
import { ipv6Groups } from '../../observables/ipv6.ts';
import { floorV4, floorV6 } from '../ip-words.ts';

/** One network of a cidr list, as inclusive bounds: numbers for IPv4, bigints for IPv6. */
export type CidrRange = { v4: true; lo: number; hi: number } | { v4: false; lo: bigint; hi: bigint };

const groupsToBig = (g: number[]): bigint => g.reduce((acc, x) => (acc << 16n) | BigInt(x), 0n);

/** An address or network of a cidr list entry (`1.2.3.4`, `10.0.0.0/8`, `2001:db8::/32`), or null. */
export function cidrEntry(entry: string): CidrRange | null {
  const s = entry.trim();
  if (s.includes('/')) {
    const c = parseCidr(s);
    return c ? rangeOf(c.value) : null;
  }
  const v4 = ipv4Int(s);
  if (v4 >= 0) return { v4: true, lo: v4, hi: v4 };
  const g = ipv6Groups(s);
  if (!g) return null;
  const n = groupsToBig(g);
  return { v4: false, lo: n, hi: n };
}

/** Bounds of a canonical network (a /32 or /128 is written as the bare address). */
function rangeOf(canonical: string): CidrRange {
  const [addr, bits] = canonical.split('/') as [string, string | undefined];
  const v4 = ipv4Int(addr);
  if (v4 >= 0) return { v4: true, lo: v4, hi: v4 + 2 ** (32 - Number(bits ?? 32)) - 1 };
  const lo = groupsToBig(ipv6Groups(addr)!);
  return { v4: false, lo, hi: lo + (1n << BigInt(128 - Number(bits ?? 128))) - 1n };
}

/**
 * Networks of many lists as elementary segments: the address space cut at every network
 * bound, each segment naming the set of lists covering it. A lookup is one binary search,
 * however many lists and however they overlap.
 */
export interface SegmentIndex {
  /** IPv4 segment starts, ascending. */
  starts4: Uint32Array;
  sets4: Int32Array;
  /** IPv6 segment starts, four words each, ascending. */
  starts6: Uint32Array;
  sets6: Int32Array;
  /** Set id → list ids. */
  sets: number[][];
}

/** `ranges` with exclusive ends → segment starts and the set id covering each (-1: none). */
function segments<N extends number | bigint>(
  ranges: { lo: N; end: N; list: number }[],
  setId: (ids: number[]) => number,
) {
  // A list entering at `lo` is +(id+1), leaving at `end` is -(id+1).
  const events: { at: N; ev: number }[] = [];
  for (const r of ranges) events.push({ at: r.lo, ev: r.list + 1 }, { at: r.end, ev: -(r.list + 1) });
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const active = new Map<number, number>();
  const starts: N[] = [];
  const sets: number[] = [];
  for (let i = 0; i < events.length;) {
    const at = events[i]!.at;
    for (; i < events.length && events[i]!.at === at; i++) {
      const ev = events[i]!.ev;
      const id = Math.abs(ev) - 1;
      const n = (active.get(id) ?? 0) + Math.sign(ev);
      if (n === 0) active.delete(id);
      else active.set(id, n);
    }
    const set = active.size === 0 ? -1 : setId([...active.keys()].sort((a, b) => a - b));
    if (sets.at(-1) !== set) {
      starts.push(at);
      sets.push(set);
    }
  }
  return { starts, sets };
}

export function buildSegmentIndex(ranges: { range: CidrRange; list: number }[]): SegmentIndex {
  const sets: number[][] = [];
  const ids = new Map<string, number>();
  const setId = (lists: number[]): number => {
    const key = lists.join(',');
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = sets.push(lists) - 1));
    return id;
  };
  const v4: { lo: number; end: number; list: number }[] = [];
  const v6: { lo: bigint; end: bigint; list: number }[] = [];
  for (const { range, list } of ranges) {
    if (range.v4) v4.push({ lo: range.lo, end: range.hi + 1, list });
    else v6.push({ lo: range.lo, end: range.hi + 1n, list });
  }
  const s4 = segments(v4, setId);
  // A segment starting at 2^32 or 2^128 lies past the address space.
  const n4 = s4.starts.filter((s) => s <= 0xffffffff).length;
  const s6 = segments(v6, setId);
  const n6 = s6.starts.filter((s) => s < 1n << 128n).length;
  const starts6 = new Uint32Array(n6 * 4);
  for (let i = 0; i < n6; i++) {
    for (let w = 0; w < 4; w++)
      starts6[i * 4 + w] = Number((s6.starts[i]! >> BigInt(96 - 32 * w)) & 0xffffffffn);
  }
  return {
    starts4: Uint32Array.from(s4.starts.slice(0, n4)),
    sets4: Int32Array.from(s4.sets.slice(0, n4)),
    starts6,
    sets6: Int32Array.from(s6.sets.slice(0, n6)),
    sets,
  };
}

const NONE: readonly number[] = [];

/** The lists whose networks hold an IPv4 address. */
export function listsOfV4(index: SegmentIndex, ip: number): readonly number[] {
  const r = floorV4(index.starts4, ip);
  const set = r >= 0 ? index.sets4[r]! : -1;
  return set >= 0 ? index.sets[set]! : NONE;
}

/** The lists whose networks hold an IPv6 address given as four words. */
export function listsOfV6(index: SegmentIndex, words: Uint32Array): readonly number[] {
  const r = floorV6(index.starts6, words);
  const set = r >= 0 ? index.sets6[r]! : -1;
  return set >= 0 ? index.sets[set]! : NONE;
}
