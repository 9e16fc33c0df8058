import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDomain } from './domain.ts';

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
const domain = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('com', 'net', 'co.uk', 'ru', 'xn--p1ai', 'zip', 'bit'),
  )
  .map(([labels, tld]) => `${labels.join('.')}.${tld}`);

describe('domain', () => {
  it('lower-cases, drops one trailing dot and converts IDN to punycode', () => {
    expect(canonicalDomain('WWW.Example.COM.')!.value).toBe('www.example.com');
    expect(canonicalDomain('bücher.de')).toMatchObject({ value: 'xn--bcher-kva.de', flags: ['idn'] });
    expect(canonicalDomain('ПРИМЕР.РФ')!.value).toBe('xn--e1afmkfd.xn--p1ai');
    // Upper-case ASCII before the first non-ASCII letter.
    expect(canonicalDomain('BÜCHER.de')!.value).toBe('xn--bcher-kva.de');
    expect(canonicalDomain('MÜNCHEN.DE')!.value).toBe('xn--mnchen-3ya.de');
    expect(canonicalDomain('xn--e1afmkfd.xn--p1ai')!.flags).toEqual(['idn']);
    expect(canonicalDomain('a\u3002example\uff0ecom')!.value).toBe('a.example.com'); // UTS #46 maps ideographic dots
  });

  it('rejects what is no domain', () => {
    for (const bad of [
      'com',
      'co.uk',
      'localhost',
      'a..b.com',
      '.a.com',
      'a.com..',
      '-a.com',
      'a b.com',
      '1.2.3.4',
      'a.c0m',
      'a.c',
      `${'a'.repeat(64)}.com`,
      `${'a.'.repeat(127)}com`,
      'ex*ample.com',
      '',
    ])
      expect(canonicalDomain(bad), bad).toBeNull();
    expect(canonicalDomain('_dmarc.example.com')!.value).toBe('_dmarc.example.com');
  });

  it('flags unknown and special-use names', () => {
    expect(canonicalDomain('foo.bit')).toMatchObject({ flags: ['unknown-tld'], knownSuffix: false });
    expect(canonicalDomain('evil.com')).toMatchObject({ flags: [], knownSuffix: true, tld: 'com' });
    expect(canonicalDomain('www.example.org')!.flags).toEqual(['documentation']);
    expect(canonicalDomain('notexample.com')!.flags).toEqual([]);
    expect(canonicalDomain('host.test')).toMatchObject({ flags: ['documentation'], knownSuffix: true });
    expect(canonicalDomain('printer.local')!.flags).toEqual(['link-local']);
    expect(canonicalDomain('dc01.corp.internal')!.flags).toEqual(['private']);
    expect(canonicalDomain('nas.home.arpa')!.flags).toEqual(['private']);
    expect(canonicalDomain('duskgytldkxiuqc6.onion')).toMatchObject({ flags: [], knownSuffix: true });
  });

  it('is idempotent and gives one value for upper-case and trailing-dot spellings', () => {
    fc.assert(
      fc.property(domain, (d) => {
        const c = canonicalDomain(d)?.value;
        fc.pre(c !== undefined);
        return canonicalDomain(c)?.value === c && canonicalDomain(`${d.toUpperCase()}.`)?.value === c;
      }),
    );
  });
});
