import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The offline IP data files shipped in the @ip-location-db packages. */
export const PACKAGE_DATA = {
  countryMmdb: () => require.resolve('@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb'),
  asnIpv4Csv: () => require.resolve('@ip-location-db/asn/asn-ipv4-num.csv'),
  asnIpv6Csv: () => require.resolve('@ip-location-db/asn/asn-ipv6.csv'),
};
