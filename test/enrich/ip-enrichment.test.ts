import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors.ts';
import { createIpEnricher } from '../../src/enrich/index.ts';

const require = createRequire(import.meta.url);
const enricher = createIpEnricher();

/** An independent oracle: a linear scan of the shipped IPv4 ASN CSV. */
const csvRows = readFileSync(require.resolve('@ip-location-db/asn/asn-ipv4-num.csv'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const [s, e, asn, ...org] = line.split(',');
    const o = org.join(',');
    return {
      lo: Number(s),
      hi: Number(e),
      asn: {
        number: Number(asn),
        organization: o.startsWith('"') ? o.slice(1, -1).replaceAll('""', '"') : o,
      },
    };
  });
function asnByScan(ip: number): { number: number; organization: string } | null {
  let found: { number: number; organization: string } | null = null;
  for (const r of csvRows) if (r.lo <= ip && ip <= r.hi) found = r.asn;
  return found;
}

describe('IP enrichment from the shipped offline data', () => {
  it('gives Google public DNS its country and ASN, over IPv4 and IPv6', () => {
    expect(enricher.contextOf('ipv4', '8.8.8.8')).toEqual({
      country: 'US',
      asn: { number: 15169, organization: 'Google LLC' },
    });
    expect(enricher.contextOf('ipv6', '2001:4860:4860::8888')).toEqual({
      country: 'US',
      asn: { number: 15169, organization: 'Google LLC' },
    });
  });

  it('gives Cloudflare DNS AS13335; the shipped country data places 1.1.1.1 in AU (APNIC)', () => {
    expect(enricher.asnOf('1.1.1.1')).toEqual({ number: 13335, organization: 'Cloudflare, Inc.' });
    expect(enricher.countryOf('1.1.1.1')).toBe('AU');
    expect(enricher.asnOf('2606:4700:4700::1111')?.number).toBe(13335);
  });

  it('reads an IPv4-mapped IPv6 address as its IPv4 address, and a CIDR by its network address', () => {
    expect(enricher.contextOf('ipv6', '::ffff:8.8.8.8')).toEqual(enricher.contextOf('ipv4', '8.8.8.8'));
    expect(enricher.contextOf('cidr4', '8.8.8.0/24')).toEqual(enricher.contextOf('ipv4', '8.8.8.0'));
  });

  it('knows nothing of private addresses and gives no IP context to other kinds', () => {
    expect(enricher.contextOf('ipv4', '10.1.2.3')).toEqual({ country: null, asn: null });
    expect(enricher.contextOf('domain', 'example.com')).toBeNull();
  });

  it('agrees with a linear scan of the CSV on addresses across the space', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const ips = Array.from({ length: 40 }, () => (next() * 2 + (next() & 1)) >>> 0);
    for (const ip of ips) {
      const dotted = `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
      expect(enricher.asnOf(dotted), dotted).toEqual(asnByScan(ip));
    }
  });

  it('uses a configured MMDB instead of the shipped one', () => {
    const v4only =
      require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country-ipv4.mmdb');
    const custom = createIpEnricher({ geoipDb: v4only });
    expect(custom.countryOf('8.8.8.8')).toBe('US');
    expect(custom.countryOf('2001:4860:4860::8888')).toBeNull();
  });

  it('names the file when a configured MMDB cannot be read', () => {
    const custom = createIpEnricher({ geoipDb: '/nonexistent/GeoLite2-Country.mmdb' });
    try {
      custom.countryOf('8.8.8.8');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.location.file).toBe('/nonexistent/GeoLite2-Country.mmdb');
    }
  });
});
