import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegmentIndex, cidrEntry, listsOfV4, listsOfV6, type CidrRange } from './cidr-index.ts';

const index = (lists: string[][]) =>
  buildSegmentIndex(lists.flatMap((l, list) => l.map((e) => ({ range: cidrEntry(e)!, list }))));

describe('cidr segment index', () => {
  it('parses addresses and networks, and refuses the rest', () => {
    expect(cidrEntry('10.1.2.3/8')).toEqual({ v4: true, lo: 0x0a000000, hi: 0x0affffff });
    expect(cidrEntry('1.2.3.4')).toEqual({ v4: true, lo: 0x01020304, hi: 0x01020304 });
    expect(cidrEntry('2001:db8::/32')?.v4).toBe(false);
    expect(cidrEntry('nope')).toBeNull();
    expect(cidrEntry('10.0.0.0/33')).toBeNull();
  });

  it('finds every list holding an address, across overlaps and the ends of the space', () => {
    const ix = index([
      ['10.0.0.0/8', '0.0.0.0/0'],
      ['10.1.0.0/16'],
      ['255.255.255.255'],
      ['2001:db8::/32', '::/0'],
    ]);
    expect(listsOfV4(ix, 0x0a010203)).toEqual([0, 1]);
    expect(listsOfV4(ix, 0x0b000000)).toEqual([0]);
    expect(listsOfV4(ix, 0xffffffff)).toEqual([0, 2]);
    expect(listsOfV6(ix, Uint32Array.of(0x20010db8, 0, 0, 1))).toEqual([3]);
    expect(listsOfV6(ix, Uint32Array.of(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff))).toEqual([3]);
  });

  it('agrees with a scan of the ranges on random IPv4 networks', () => {
    const net = fc.tuple(fc.nat(0xffffffff), fc.integer({ min: 0, max: 32 }));
    fc.assert(
      fc.property(
        fc.array(fc.array(net, { maxLength: 4 }), { maxLength: 4 }),
        fc.nat(0xffffffff),
        (lists, ip) => {
          const text = lists.map((l) =>
            l.map(([n, b]) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${b}`),
          );
          const expected = text.flatMap((l, i) =>
            l.some((e) => {
              const r = cidrEntry(e) as CidrRange & { v4: true };
              return r.lo <= ip && ip <= r.hi;
            })
              ? [i]
              : [],
          );
          expect([...listsOfV4(index(text), ip)]).toEqual(expected);
        },
      ),
    );
  });
});
