import { loadAsnRanges, type AsnInfo, type AsnRanges } from './asn-ranges.ts';
import { ipv4Number, ipv6Words, mappedIpv4 } from './ip-words.ts';
import { openAsnMmdb, openCountryMmdb } from './mmdb.ts';
import { PACKAGE_DATA } from './package-data.ts';

export interface IpEnricherOptions {
  /** A country or city MMDB (GeoLite2/GeoIP2 or compatible) instead of the shipped one. */
  geoipDb?: string;
  /** An ASN MMDB (GeoLite2/GeoIP2 ASN) instead of the shipped range CSVs. */
  asnDb?: string;
}

export interface IpContext {
  country: string | null;
  asn: AsnInfo | null;
}

export interface IpEnricher {
  /** ISO 3166-1 alpha-2 country of a canonical IPv4 or IPv6 address. */
  countryOf(ip: string): string | null;
  asnOf(ip: string): AsnInfo | null;
  /** Country and ASN of an IP, or of a CIDR's network address; null for other kinds. */
  contextOf(kind: string, value: string): IpContext | null;
}

const IP_KINDS = new Set(['ipv4', 'ipv6', 'cidr4', 'cidr6']);

/** Lazily opened: nothing is read until the first lookup needs it. */
function lazy<T>(open: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= open());
}

/** Country and ASN of IP addresses, offline, from the shipped data or the user's MMDB files. */
export function createIpEnricher(opts: IpEnricherOptions = {}): IpEnricher {
  const country = lazy(() => openCountryMmdb(opts.geoipDb ?? PACKAGE_DATA.countryMmdb()));
  const asnMmdb = opts.asnDb ? lazy(() => openAsnMmdb(opts.asnDb!)) : null;
  const ranges = lazy<AsnRanges>(() =>
    loadAsnRanges({ ipv4: PACKAGE_DATA.asnIpv4Csv(), ipv6: PACKAGE_DATA.asnIpv6Csv() }),
  );
  const words = new Uint32Array(4);

  const countryOf = (ip: string): string | null => {
    // MMDB trees hold IPv4 under ::/96, not under the mapped form ::ffff:0:0/96.
    const v4 = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
    return country()(v4);
  };
  const asnOf = (ip: string): AsnInfo | null => {
    if (asnMmdb) return asnMmdb()(ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip);
    const v4 = ipv4Number(ip);
    if (v4 >= 0) return ranges().lookupV4(v4);
    if (!ipv6Words(ip, words)) return null;
    const mapped = mappedIpv4(words);
    return mapped >= 0 ? ranges().lookupV4(mapped) : ranges().lookupV6(words);
  };
  return {
    countryOf,
    asnOf,
    contextOf(kind, value) {
      if (!IP_KINDS.has(kind)) return null;
      const slash = value.indexOf('/');
      const ip = slash < 0 ? value : value.slice(0, slash);
      return { country: countryOf(ip), asn: asnOf(ip) };
    },
  };
}

const shared = new Map<string, IpEnricher>();

/** The enricher configured by THREATLOOM_GEOIP_DB / THREATLOOM_ASN_DB, one per process. */
export function ipEnricherFromEnv(env: NodeJS.ProcessEnv = process.env): IpEnricher {
  const opts: IpEnricherOptions = {
    ...(env.THREATLOOM_GEOIP_DB ? { geoipDb: env.THREATLOOM_GEOIP_DB } : {}),
    ...(env.THREATLOOM_ASN_DB ? { asnDb: env.THREATLOOM_ASN_DB } : {}),
  };
  const key = `${opts.geoipDb ?? ''}\u0000${opts.asnDb ?? ''}`;
  let e = shared.get(key);
  if (!e) shared.set(key, (e = createIpEnricher(opts)));
  return e;
}
