import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePercent } from './percent.ts';
import { parseUrl } from './url.ts';

const canon = (s: string) => parseUrl(s)?.value;

describe('url', () => {
  it('lower-cases scheme and host, drops default ports and the fragment, gives an empty path /', () => {
    expect(canon('HTTP://Evil.EXAMPLE.com:80#top')).toBe('http://evil.example.com/');
    expect(canon('https://a.com:443/x?')).toBe('https://a.com/x');
    expect(canon('https://a.com:8443/X/Y?Q=1#f')).toBe('https://a.com:8443/X/Y?Q=1');
    expect(canon('http://user:pw@a.com/')).toBe('http://user:pw@a.com/');
    expect(canon('http://a.com/b/../c/./d')).toBe('http://a.com/c/d');
  });

  it('converts IDN hosts and normalizes IP hosts', () => {
    expect(canon('http://bücher.de/a')).toBe('http://xn--bcher-kva.de/a');
    expect(parseUrl('http://[2001:DB8::0:1]:8080/')).toMatchObject({
      value: 'http://[2001:db8::1]:8080/',
      flags: ['ip-host', 'documentation'],
    });
    expect(canon('http://[::ffff:10.0.0.1]/')).toBe('http://[::ffff:10.0.0.1]/');
    expect(parseUrl('http://10.1.1.1/x')!.flags).toEqual(['ip-host', 'private']);
  });

  it('normalizes percent-encoding (RFC 3986 §6.2.2)', () => {
    expect(normalizePercent('/%7euser/%2fetc%2Fpasswd?a=%3d%41%zz%')).toBe(
      '/~user/%2Fetc%2Fpasswd?a=%3DA%zz%',
    );
    expect(canon('http://a.com/%7Efoo/%e2%82%ac?x=%2d%5f')).toBe('http://a.com/~foo/%E2%82%AC?x=-_');
  });

  it('canonicalizes other schemes, opaque hosts included', () => {
    expect(canon('LDAP://Evil.COM:1389/Exploit')).toBe('ldap://evil.com:1389/Exploit');
    expect(canon('rmi://203.0.113.5:1099')).toBe('rmi://203.0.113.5:1099/');
    expect(canon('ldap://пример.рф/a')).toBe('ldap://xn--e1afmkfd.xn--p1ai/a');
  });

  it('rejects URLs without a valid host or scheme', () => {
    for (const bad of [
      'file:///etc/passwd',
      'http://localhost/',
      'http://a..b/',
      'http://',
      'mailto:a@b.com',
      'evil.com/x',
      'http://exa mple.com/',
    ])
      expect(canon(bad), bad).toBeUndefined();
    expect(parseUrl('evil.com/x', { assumeHttp: true })!.value).toBe('http://evil.com/x');
    expect(parseUrl('a.com:8080', { assumeHttp: true })!.value).toBe('http://a.com:8080/');
  });

  it('is idempotent', () => {
    const pct = fc.stringMatching(/^(?:%[0-9a-fA-F]{2}|[a-zA-Z0-9._~!$&'()*+,;=:@/-]){0,12}$/);
    const urls = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.webUrl(), pct, pct).map(([u, p, q]) => `${u}/${p}?${q}`),
    );
    fc.assert(
      fc.property(urls, (u) => {
        const c = canon(u);
        return c === undefined || canon(c) === c;
      }),
      { numRuns: 500 },
    );
  });
});
