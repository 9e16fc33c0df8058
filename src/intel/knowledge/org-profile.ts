import { AppError } from '../../core/errors.ts';
import { isoNow, systemClock, type Clock } from '../../core/time.ts';
import { readOrgProfile, writeOrgProfile } from '../../store/org-repo.ts';
import type { Store } from '../../store/store.ts';
import { isCpe } from './cpe.ts';
import { isPurl } from './purl.ts';
import { COUNTRIES, INDUSTRY_SECTORS, REGIONS } from './vocabularies.ts';

/** Who the organization is: what the intelligence is judged relevant against. */
export interface OrgProfile {
  /** STIX industry-sector-ov values. */
  sectors: string[];
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** STIX region-ov values. */
  regions: string[];
  /** CPE 2.3 names and purls of the technologies in use. */
  technologies: string[];
}

export type OrgProfileUpdate = Partial<OrgProfile>;

const KEYS = ['sectors', 'countries', 'regions', 'technologies'] as const;
const MAX_TECHNOLOGIES = 100_000;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export async function getOrgProfile(store: Store): Promise<OrgProfile> {
  const stored = await readOrgProfile(store);
  return {
    sectors: strings(stored.get('sectors')),
    countries: strings(stored.get('countries')),
    regions: strings(stored.get('regions')),
    technologies: strings(stored.get('technologies')),
  };
}

function check(values: string[], ok: (v: string) => boolean, what: string): string[] {
  const bad = values.filter((v) => !ok(v));
  if (bad.length > 0)
    throw new AppError(
      'INVALID_INPUT',
      `${bad
        .slice(0, 5)
        .map((b) => JSON.stringify(b))
        .join(', ')} ${bad.length === 1 ? 'is' : 'are'} not valid: expected ${what}`,
    );
  return [...new Set(values)];
}

/** Validates and normalizes a profile update: sector and region names lower-case, countries upper-case. */
export function normalizeOrgUpdate(u: OrgProfileUpdate): OrgProfileUpdate {
  const out: OrgProfileUpdate = {};
  if (u.sectors)
    out.sectors = check(
      u.sectors.map((s) => s.trim().toLowerCase()),
      (s) => INDUSTRY_SECTORS.has(s),
      'values of the STIX industry-sector-ov vocabulary',
    );
  if (u.countries)
    out.countries = check(
      u.countries.map((s) => s.trim().toUpperCase()),
      (s) => COUNTRIES.has(s),
      'ISO 3166-1 alpha-2 country codes',
    );
  if (u.regions)
    out.regions = check(
      u.regions.map((s) => s.trim().toLowerCase()),
      (s) => REGIONS.has(s),
      'values of the STIX region-ov vocabulary',
    );
  if (u.technologies) {
    out.technologies = check(
      u.technologies.map((s) => s.trim()),
      (s) => isCpe(s) || isPurl(s),
      'CPE 2.3 names or purls',
    );
    if (out.technologies.length > MAX_TECHNOLOGIES)
      throw new AppError('LIMIT_EXCEEDED', `more than ${MAX_TECHNOLOGIES} technologies`);
  }
  return out;
}

/** Replaces the given parts of the profile; the others stay as they are. */
export async function setOrgProfile(
  store: Store,
  update: OrgProfileUpdate,
  clock: Clock = systemClock,
): Promise<OrgProfile> {
  const clean = normalizeOrgUpdate(update);
  const values = Object.fromEntries(KEYS.filter((k) => clean[k] !== undefined).map((k) => [k, clean[k]]));
  await writeOrgProfile(store, values, isoNow(clock));
  return getOrgProfile(store);
}

/** Adds technologies to the profile (an SBOM import); returns how many were new. */
export async function addTechnologies(
  store: Store,
  technologies: string[],
  clock: Clock = systemClock,
): Promise<number> {
  const current = await getOrgProfile(store);
  const known = new Set(current.technologies);
  const added = normalizeOrgUpdate({ technologies }).technologies!.filter((t) => !known.has(t));
  if (added.length > 0)
    await setOrgProfile(store, { technologies: [...current.technologies, ...added] }, clock);
  return added.length;
}
