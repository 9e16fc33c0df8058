import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { intToIpv4, ipv4Int, ipv4RangeFlag, ipv4ToInt, parseIpv4 } from './ipv4.ts';

describe('ipv4', () => {
  it('accepts strict dotted quads only', () => {
    expect(ipv4Int('0.0.0.0')).toBe(0);
    expect(ipv4Int('255.255.255.255')).toBe(4294967295);
    expect(ipv4Int('192.168.1.10')).toBe(0xc0a8010a);
    for (const bad of [
      '010.1.1.1',
      '1.2.3.04',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '1..2.3',
      '.1.2.3',
      '1.2.3.',
      '0x7f.0.0.1',
      '127.1',
      '1.2.3.4 ',
      '',
      '1.2.3.-4',
    ])
      expect(ipv4Int(bad), bad).toBe(-1);
  });

  it('reads a range inside a longer string', () => {
    expect(ipv4Int('ip=8.8.4.4;', 3, 10)).toBe(0x08080404);
  });

  it('converts to and from numbers, throwing AppError on bad input', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4294967295 }), (n) => ipv4ToInt(intToIpv4(n)) === n));
    expect(() => ipv4ToInt('1.2.3.04')).toThrow(AppError);
  });

  it('flags special-purpose blocks', () => {
    const flag = (s: string) => parseIpv4(s)!.flags;
    expect(flag('0.0.0.0')).toEqual(['unspecified']);
    expect(flag('0.1.2.3')).toEqual(['reserved']);
    expect(flag('10.20.30.40')).toEqual(['private']);
    expect(flag('172.16.0.1')).toEqual(['private']);
    expect(flag('172.32.0.1')).toEqual([]);
    expect(flag('192.168.255.255')).toEqual(['private']);
    expect(flag('100.64.0.1')).toEqual(['cgnat']);
    expect(flag('100.128.0.1')).toEqual([]);
    expect(flag('127.0.0.1')).toEqual(['loopback']);
    expect(flag('169.254.1.1')).toEqual(['link-local']);
    expect(flag('192.0.2.1')).toEqual(['documentation']);
    expect(flag('198.51.100.7')).toEqual(['documentation']);
    expect(flag('203.0.113.9')).toEqual(['documentation']);
    expect(flag('198.19.0.1')).toEqual(['reserved']);
    expect(flag('224.0.0.251')).toEqual(['multicast']);
    expect(flag('255.255.255.255')).toEqual(['reserved']);
    expect(flag('8.8.8.8')).toEqual([]);
  });

  it('flags a range only when the whole range lies in one block', () => {
    expect(ipv4RangeFlag(ipv4ToInt('10.0.0.0'), ipv4ToInt('10.255.255.255'))).toBe('private');
    expect(ipv4RangeFlag(ipv4ToInt('0.0.0.0'), ipv4ToInt('0.255.255.255'))).toBe('reserved');
    expect(ipv4RangeFlag(0, 4294967295)).toBeUndefined();
  });
});
