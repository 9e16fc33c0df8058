import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../core/limits.ts';
import { canonicalize, detectKind, OBSERVABLE_KINDS, parseObservable } from './index.ts';
import type { ObservableKind } from './index.ts';

describe('detectKind', () => {
  it('recognizes each kind by its shape', () => {
    const cases: [string, ObservableKind | null][] = [
      ['8.8.8.8', 'ipv4'],
      ['8.8.8.0/24', 'cidr4'],
      ['8.8.8.8/32', 'ipv4'],
      ['2606:4700::1111', 'ipv6'],
      ['[2606:4700::1111]', 'ipv6'],
      ['2606:4700::/32', 'cidr6'],
      ['evil.com', 'domain'],
      ['evil[.]com', 'domain'],
      ['https://evil.com/x', 'url'],
      ['evil.com/x.php', 'url'],
      ['a@evil.com', 'email'],
      ['d41d8cd98f00b204e9800998ecf8427e', 'md5'],
      ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'sha1'],
      ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'sha256'],
      ['f'.repeat(128), 'sha512'],
      ['AS13335', 'asn'],
      ['CVE-2021-44228', 'cve'],
      ['invoice.pdf', null],
      ['foo.bit', null],
      ['1.2.3', null],
      ['3.14', null],
      ['13335', null],
      ['evil.com:443', null],
      ['', null],
      ['   ', null],
    ];
    for (const [raw, kind] of cases) expect(detectKind(raw), raw).toBe(kind);
  });
});

describe('parseObservable', () => {
  it('trusts a named kind', () => {
    expect(parseObservable('foo.bit', 'domain')).toEqual({
      kind: 'domain',
      value: 'foo.bit',
      flags: ['unknown-tld'],
    });
    expect(parseObservable('13335', 'asn')!.value).toBe('AS13335');
    expect(parseObservable('evil.com/x', 'url')!.value).toBe('http://evil.com/x');
    expect(parseObservable('intranet.corp/x', 'url')!.flags).toEqual(['private']);
  });

  it('reads IP kinds as families', () => {
    expect(parseObservable('10.0.0.0/8', 'ipv4')!.kind).toBe('cidr4');
    expect(parseObservable('1.2.3.4/32', 'cidr4')).toEqual({ kind: 'ipv4', value: '1.2.3.4', flags: [] });
    expect(parseObservable('1.2.3.4', 'cidr4')!.kind).toBe('ipv4');
    expect(parseObservable('::1/128', 'cidr6')!.kind).toBe('ipv6');
    expect(parseObservable('1.2.3.4', 'ipv6')).toBeNull();
    expect(parseObservable('::1', 'ipv4')).toBeNull();
  });

  it('rejects a value of another kind than the one named', () => {
    expect(parseObservable('d41d8cd98f00b204e9800998ecf8427e', 'sha1')).toBeNull();
    expect(parseObservable('http://evil.com/', 'domain')).toBeNull();
    expect(parseObservable('1.2.3.4', 'domain')).toBeNull();
    expect(parseObservable('evil.com', 'email')).toBeNull();
    expect(parseObservable('AS13335', 'cve')).toBeNull();
  });

  it('flags refanged values', () => {
    expect(parseObservable(' 185.220.101[.]45 ')).toEqual({
      kind: 'ipv4',
      value: '185.220.101.45',
      flags: ['defanged'],
    });
    expect(parseObservable('hxxps://evil[.]com')).toEqual({
      kind: 'url',
      value: 'https://evil.com/',
      flags: ['defanged'],
    });
    expect(parseObservable('185.220.101.45')!.flags).toEqual([]);
  });

  it('refuses values over the length limit', () => {
    const long = `http://a.com/${'x'.repeat(DEFAULT_LIMITS.maxObservableLength)}`;
    expect(parseObservable(long)).toBeNull();
  });

  it('lists the kinds', () => {
    expect(new Set(OBSERVABLE_KINDS).size).toBe(13);
  });
});

describe('canonicalize', () => {
  const samples: Record<ObservableKind, fc.Arbitrary<string>> = {
    ipv4: fc.ipV4(),
    ipv6: fc.ipV6(),
    cidr4: fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, b]) => `${a}/${b}`),
    cidr6: fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, b]) => `${a}/${b}`),
    domain: fc.domain(),
    url: fc.webUrl({ withFragments: true, withQueryParameters: true }),
    email: fc.emailAddress(),
    md5: fc.stringMatching(/^[0-9a-fA-F]{32}$/),
    sha1: fc.stringMatching(/^[0-9a-fA-F]{40}$/),
    sha256: fc.stringMatching(/^[0-9a-fA-F]{64}$/),
    sha512: fc.stringMatching(/^[0-9a-fA-F]{128}$/),
    asn: fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => `as${n}`),
    cve: fc
      .tuple(fc.integer({ min: 1999, max: 2099 }), fc.integer({ min: 1, max: 9_999_999 }))
      .map(([y, n]) => `cve-${y}-${String(n).padStart(4, '0')}`),
  };

  it('is idempotent for every kind', () => {
    for (const kind of OBSERVABLE_KINDS) {
      fc.assert(
        fc.property(samples[kind], (raw) => {
          const once = canonicalize(kind, raw);
          return once === null || canonicalize(kind, once) === once;
        }),
        { numRuns: 200 },
      );
    }
  });

  it('accepts the generated values of the strict kinds', () => {
    for (const kind of ['ipv4', 'ipv6', 'cidr4', 'cidr6', 'md5', 'sha512', 'asn', 'cve'] as const) {
      fc.assert(
        fc.property(samples[kind], (raw) => canonicalize(kind, raw) !== null),
        { numRuns: 100 },
      );
    }
  });
});
