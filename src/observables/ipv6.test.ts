import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { formatIpv6, ipv6Groups, parseIpv6 } from './ipv6.ts';

const groups = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
  minLength: 8,
  maxLength: 8,
});
const expanded = (g: number[]) => g.map((x) => x.toString(16).padStart(4, '0')).join(':');

describe('ipv6', () => {
  it('formats per RFC 5952', () => {
    const canon = (s: string) => parseIpv6(s)?.value;
    expect(canon('2001:0db8:0000:0000:0000:0000:0002:0001')).toBe('2001:db8::2:1');
    expect(canon('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1'); // §4.2.2: no :: for one group
    expect(canon('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1'); // §4.2.3: longest run
    expect(canon('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1'); // §4.2.3: first of equal runs
    expect(canon('2001:DB8::AbC')).toBe('2001:db8::abc'); // §4.3
    expect(canon('0:0:0:0:0:0:0:0')).toBe('::');
    expect(canon('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(canon('fe80:0:0:0:0:0:0:0')).toBe('fe80::');
    expect(canon('::ffff:c000:0280')).toBe('::ffff:192.0.2.128'); // §5: mapped keeps the quad
    expect(canon('::FFFF:1.2.3.4')).toBe('::ffff:1.2.3.4');
    expect(canon('64:ff9b::1.2.3.4')).toBe('64:ff9b::102:304');
  });

  it('rejects malformed addresses', () => {
    for (const bad of [
      '1::2::3',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7::8',
      '12345::',
      ':1::',
      'g::1',
      '::1.2.3',
      '::1.2.3.04',
      'fe80::1%eth0',
      '1:2:3:4:5:6:7:8::',
      ':',
      '',
    ])
      expect(ipv6Groups(bad), bad).toBeNull();
  });

  it('agrees with ipaddr.js on RFC 5952 text for random addresses', () => {
    fc.assert(
      fc.property(groups, (g) => {
        const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
        fc.pre(!mapped);
        return formatIpv6(g) === ipaddr.IPv6.parse(expanded(g)).toRFC5952String();
      }),
    );
  });

  it('gives one value for expanded, compressed and upper-case spellings', () => {
    fc.assert(
      fc.property(groups, (g) => {
        const canonical = formatIpv6(g);
        const spellings = [
          expanded(g),
          expanded(g).toUpperCase(),
          canonical,
          canonical.toUpperCase(),
          g.map((x) => x.toString(16)).join(':'),
        ];
        return spellings.every((s) => parseIpv6(s)?.value === canonical);
      }),
    );
  });

  it('flags special-purpose blocks, mapped addresses by their IPv4 flag', () => {
    const flags = (s: string) => parseIpv6(s)!.flags;
    expect(flags('::')).toEqual(['unspecified']);
    expect(flags('::1')).toEqual(['loopback']);
    expect(flags('fd12:3456::1')).toEqual(['private']);
    expect(flags('fe80::1')).toEqual(['link-local']);
    expect(flags('ff02::1')).toEqual(['multicast']);
    expect(flags('2001:db8::1')).toEqual(['documentation']);
    expect(flags('3fff:0fff::1')).toEqual(['documentation']);
    expect(flags('100::1')).toEqual(['reserved']);
    expect(flags('::ffff:10.1.1.1')).toEqual(['private']);
    expect(flags('::ffff:8.8.8.8')).toEqual([]);
    expect(flags('::1.2.3.4')).toEqual(['reserved']);
    expect(flags('4000::1')).toEqual(['reserved']);
    expect(flags('2606:4700:4700::1111')).toEqual([]);
  });
});
