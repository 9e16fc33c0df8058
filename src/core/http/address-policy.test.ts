import { describe, expect, it } from 'vitest';
import { publicAddressesOnly } from './address-policy.ts';

describe('publicAddressesOnly', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '64:ff9b::7f00:1',
    '2002:7f00:1::',
    'not-an-ip',
  ])('refuses %s', (ip) => {
    expect(publicAddressesOnly(ip)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '149.13.33.14', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (ip) => {
      expect(publicAddressesOnly(ip)).toBe(true);
    },
  );
});
