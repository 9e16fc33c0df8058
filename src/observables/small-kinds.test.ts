import { describe, expect, it } from 'vitest';
import { parseAsn } from './asn.ts';
import { parseCve } from './cve.ts';
import { parseEmail } from './email.ts';
import { parseHash } from './hash.ts';

describe('email', () => {
  it('keeps the local part, canonicalizes the domain', () => {
    expect(parseEmail('John.Doe+tag@EXAMPLE.com.')).toMatchObject({
      value: 'John.Doe+tag@example.com',
      flags: ['documentation'],
    });
    expect(parseEmail('mailto:a@bücher.de')!.value).toBe('a@xn--bcher-kva.de');
    expect(parseEmail('x@foo.bit')!.flags).toEqual(['unknown-tld']);
  });

  it('rejects bad addresses', () => {
    for (const bad of [
      '@a.com',
      'a@',
      'a..b@c.com',
      '.a@c.com',
      'a.@c.com',
      'a b@c.com',
      'a@[1.2.3.4]',
      'a@1.2.3.4',
      `${'a'.repeat(65)}@c.com`,
      'a@com',
    ])
      expect(parseEmail(bad), bad).toBeNull();
  });
});

describe('hashes', () => {
  it('takes the kind from the length and lower-cases', () => {
    expect(parseHash('D41D8CD98F00B204E9800998ECF8427E')).toEqual({
      kind: 'md5',
      value: 'd41d8cd98f00b204e9800998ecf8427e',
    });
    expect(parseHash('da39a3ee5e6b4b0d3255bfef95601890afd80709')!.kind).toBe('sha1');
    expect(parseHash('e'.repeat(64))!.kind).toBe('sha256');
    expect(parseHash('0'.repeat(128))!.kind).toBe('sha512');
    expect(parseHash('g'.repeat(32))).toBeNull();
    expect(parseHash('a'.repeat(33))).toBeNull();
  });
});

describe('asn', () => {
  it('canonicalizes to AS<n> in asplain', () => {
    for (const s of ['AS13335', 'as13335', 'ASN 13335', 'asn13335', 'AS0.13335', 'AS013335'])
      expect(parseAsn(s, false)!.value, s).toBe('AS13335');
    expect(parseAsn('AS1.10', false)!.value).toBe('AS65546');
    expect(parseAsn('13335', false)).toBeNull();
    expect(parseAsn('13335', true)!.value).toBe('AS13335');
    expect(parseAsn('AS4294967296', false)).toBeNull();
    expect(parseAsn('AS1.65536', false)).toBeNull();
  });

  it('flags private, documentation and reserved numbers', () => {
    expect(parseAsn('AS64512', false)!.flags).toEqual(['private']);
    expect(parseAsn('AS4200000001', false)!.flags).toEqual(['private']);
    expect(parseAsn('AS64500', false)!.flags).toEqual(['documentation']);
    expect(parseAsn('AS23456', false)!.flags).toEqual(['reserved']);
    expect(parseAsn('AS0', false)!.flags).toEqual(['reserved']);
    expect(parseAsn('AS15169', false)!.flags).toEqual([]);
  });
});

describe('cve', () => {
  it('upper-cases and checks the id syntax', () => {
    expect(parseCve('cve-2021-44228')).toBe('CVE-2021-44228');
    expect(parseCve('CVE\u20112014\u20110160')).toBe('CVE-2014-0160');
    expect(parseCve('CVE-2024-1234567')).toBe('CVE-2024-1234567');
    for (const bad of [
      'CVE-2021-123',
      'CVE-2021-012345',
      'CVE-1998-0001',
      'CVE-21-44228',
      'CVE 2021 44228',
      'CVE-2021-44228x',
    ])
      expect(parseCve(bad), bad).toBeNull();
  });
});
