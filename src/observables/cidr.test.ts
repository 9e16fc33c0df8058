import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { cidrRange, parseCidr } from './cidr.ts';
import { intToIpv4 } from './ipv4.ts';
import { formatIpv6 } from './ipv6.ts';

describe('cidr', () => {
  it('normalizes to the network address', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({ kind: 'cidr4', value: '10.0.0.0/8', flags: ['private'] });
    expect(parseCidr('192.168.1.77/30')!.value).toBe('192.168.1.76/30');
    expect(parseCidr('0.0.0.0/0')).toEqual({ kind: 'cidr4', value: '0.0.0.0/0', flags: [] });
    expect(parseCidr('2001:DB8:1:2::5/48')).toEqual({
      kind: 'cidr6',
      value: '2001:db8:1::/48',
      flags: ['documentation'],
    });
    expect(parseCidr('fe80::1:2/10')!.value).toBe('fe80::/10');
  });

  it('makes a host prefix the address itself', () => {
    expect(parseCidr('1.2.3.4/32')).toEqual({ kind: 'ipv4', value: '1.2.3.4', flags: [] });
    expect(parseCidr('::1/128')).toEqual({ kind: 'ipv6', value: '::1', flags: ['loopback'] });
  });

  it('rejects bad prefixes and addresses', () => {
    for (const bad of [
      '10.0.0.0/33',
      '10.0.0.0/08',
      '10.0.0.0/',
      '10.0.0/8',
      '::/129',
      '::/-1',
      '010.0.0.0/8',
      '10.0.0.0/8/8',
    ])
      expect(parseCidr(bad), bad).toBeNull();
  });

  it('flags a block only when it lies inside one special range', () => {
    expect(parseCidr('100.64.0.0/10')!.flags).toEqual(['cgnat']);
    expect(parseCidr('100.0.0.0/8')!.flags).toEqual([]);
    expect(parseCidr('fc00::/7')!.flags).toEqual(['private']);
  });

  it('gives fixed-width hex bounds', () => {
    expect(cidrRange('cidr4', '10.0.0.0/8')).toEqual({ lo: '0a000000', hi: '0affffff' });
    expect(cidrRange('ipv4', '1.2.3.4')).toEqual({ lo: '01020304', hi: '01020304' });
    expect(cidrRange('cidr4', '1.2.3.4')).toEqual({ lo: '01020304', hi: '01020304' });
    expect(cidrRange('cidr6', '2001:db8::/32')).toEqual({
      lo: '20010db8000000000000000000000000',
      hi: '20010db8ffffffffffffffffffffffff',
    });
    expect(() => cidrRange('cidr4', '::/0')).toThrow(AppError);
    expect(() => cidrRange('ipv6', '1.2.3.4')).toThrow(AppError);
  });

  it('orders addresses inside a block between its bounds by string comparison (IPv4)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (net, bits, other) => {
          const block = parseCidr(`${intToIpv4(net)}/${bits}`)!;
          const { lo, hi } = cidrRange(block.kind, block.value);
          const inside = cidrRange('ipv4', intToIpv4(net)).lo;
          const probe = cidrRange('ipv4', intToIpv4(other)).lo;
          const contains =
            bits === 0 || Math.floor(other / 2 ** (32 - bits)) === Math.floor(net / 2 ** (32 - bits));
          return lo <= inside && inside <= hi && (lo <= probe && probe <= hi) === contains;
        },
      ),
    );
  });

  it('orders addresses inside a block between its bounds by string comparison (IPv6)', () => {
    const g = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(g, fc.integer({ min: 0, max: 128 }), (addr, bits) => {
        const block = parseCidr(`${formatIpv6(addr)}/${bits}`)!;
        const { lo, hi } = cidrRange(block.kind, block.value);
        const at = cidrRange('ipv6', formatIpv6(addr)).lo;
        return lo.length === 32 && hi.length === 32 && lo <= at && at <= hi;
      }),
    );
  });
});
