import { readFileSync } from 'node:fs';
import { Reader, type Response } from 'maxmind';
import { AppError } from '../core/errors.ts';
import type { AsnInfo } from './asn-ranges.ts';

/**
 * The record shapes read: `country_code` (ip-location-db country files), `country.iso_code`
 * then `registered_country.iso_code` (MaxMind GeoLite2/GeoIP2 Country and City), and
 * `autonomous_system_number`/`_organization` (GeoLite2/GeoIP2 ASN).
 */
interface GeoRecord {
  country_code?: string;
  country?: { iso_code?: string };
  registered_country?: { iso_code?: string };
  autonomous_system_number?: number;
  autonomous_system_organization?: string;
}

function openReader(file: string): { get(ip: string): GeoRecord | null } {
  try {
    // Read whole and without maxmind's LRU cache: lookups are cheap and mostly distinct.
    const reader = new Reader<Response>(readFileSync(file));
    // An IPv4-only tree would read the first 32 bits of an IPv6 address as an IPv4 one.
    const v4only = reader.metadata.ipVersion === 4;
    return { get: (ip) => (v4only && ip.includes(':') ? null : (reader.get(ip) as GeoRecord | null)) };
  } catch (e) {
    throw new AppError('INVALID_INPUT', `cannot read MMDB database: ${(e as Error).message}`, { file });
  }
}

/** A country lookup (ISO 3166-1 alpha-2) over a country or city MMDB. */
export function openCountryMmdb(file: string): (ip: string) => string | null {
  const reader = openReader(file);
  return (ip) => {
    const r = reader.get(ip);
    return r?.country_code ?? r?.country?.iso_code ?? r?.registered_country?.iso_code ?? null;
  };
}

/** An ASN lookup over an ASN MMDB. */
export function openAsnMmdb(file: string): (ip: string) => AsnInfo | null {
  const reader = openReader(file);
  return (ip) => {
    const r = reader.get(ip);
    if (typeof r?.autonomous_system_number !== 'number') return null;
    return { number: r.autonomous_system_number, organization: r.autonomous_system_organization ?? null };
  };
}
