// The one seam between correlation and scoring and the knowledge module: the organization
// profile and a technology's CVEs come from src/intel/knowledge; vulnerability facts and
// external ids (ATT&CK, CAPEC, CWE) are read here in batches, straight from the tables and
// the STIX objects, so that a walk step costs one query per step rather than per object.
import { sql } from 'kysely';
import { getOrgProfile, vulnerabilitiesForTechnology } from '../intel/knowledge/index.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';

const tables = new WeakMap<Store, Promise<Set<string>>>();

/** Whether a table exists (the knowledge and enrichment tables may not be migrated yet). */
export async function hasTable(store: Store, name: string): Promise<boolean> {
  let known = tables.get(store);
  if (!known) {
    known = store.db.introspection.getTables().then((ts) => new Set(ts.map((t) => t.name)));
    tables.set(store, known);
  }
  return (await known).has(name);
}

export interface ExternalRef {
  source_name?: string;
  external_id?: string;
}

export function externalRefs(o: Record<string, unknown>): ExternalRef[] {
  return Array.isArray(o.external_references) ? (o.external_references as ExternalRef[]) : [];
}

/** The ATT&CK id (T1566, G0007, S0002, M1049, C0001) or CAPEC id of an object, if it has one. */
export function externalIdOf(o: Record<string, unknown>): string | null {
  const ref = externalRefs(o).find((r) => r.source_name === 'mitre-attack' || r.source_name === 'capec');
  return typeof ref?.external_id === 'string' ? ref.external_id : null;
}

/**
 * Ids of the objects of these types whose external references carry `externalId` under one
 * of `sourceNames` (`mitre-attack`, `capec`, `cwe`, `ATTACK`), of what the viewer may see.
 */
export async function objectsByExternalId(
  store: Store,
  viewer: Viewer,
  q: { types: string[]; externalId: string; sourceNames: string[]; limit: number },
): Promise<string[]> {
  const rows = await store.db
    .selectFrom('objects')
    .select(['id', 'json'])
    .where('type', 'in', q.types)
    .where('tlp', '<=', viewer.maxTlp)
    .where('json', 'like', `%"${q.externalId.replace(/[%_\\]/g, '')}"%`)
    .limit(q.limit * 4)
    .execute();
  const want = q.externalId.toUpperCase();
  return rows
    .filter((r) =>
      externalRefs(JSON.parse(r.json) as Record<string, unknown>).some(
        (ref) =>
          q.sourceNames.includes(ref.source_name ?? '') && normalizeAttackId(ref.external_id ?? '') === want,
      ),
    )
    .slice(0, q.limit)
    .map((r) => r.id);
}

/** CAPEC writes ATT&CK ids with or without the leading T (`1574.010`). */
export function normalizeAttackId(id: string): string {
  const up = id.trim().toUpperCase();
  return /^\d{4}(\.\d{3})?$/.test(up) ? `T${up}` : up;
}

export interface VulnerabilityFacts {
  cve: string;
  kev: boolean;
  kevDateAdded: string | null;
  kevRansomware: string | null;
  epss: number | null;
  epssPercentile: number | null;
  cwes: string[];
}

type FactsRow = {
  cve: string;
  kev: number | null;
  kev_date_added: string | null;
  kev_ransomware: string | null;
  epss: number | null;
  epss_percentile: number | null;
  cwes: string | null;
};

/** KEV, EPSS and CWE facts of these CVEs (upper-case ids), where the knowledge tables hold them. */
export async function vulnerabilityFacts(
  store: Store,
  cves: string[],
): Promise<Map<string, VulnerabilityFacts>> {
  const out = new Map<string, VulnerabilityFacts>();
  if (cves.length === 0 || !(await hasTable(store, 'vulnerability_facts'))) return out;
  for (let i = 0; i < cves.length; i += 500) {
    const chunk = cves.slice(i, i + 500).map((c) => c.toUpperCase());
    const { rows } = await sql<FactsRow>`select cve, kev, kev_date_added, kev_ransomware, epss,
        epss_percentile, cwes from vulnerability_facts where upper(cve) in (${sql.join(chunk)})`.execute(
      store.db,
    );
    for (const r of rows) {
      const cwes = r.cwes ? (JSON.parse(r.cwes) as unknown) : [];
      out.set(r.cve.toUpperCase(), {
        cve: r.cve.toUpperCase(),
        kev: Number(r.kev ?? 0) === 1,
        kevDateAdded: r.kev_date_added,
        kevRansomware: r.kev_ransomware,
        epss: r.epss === null ? null : Number(r.epss),
        epssPercentile: r.epss_percentile === null ? null : Number(r.epss_percentile),
        cwes: Array.isArray(cwes) ? cwes.filter((c): c is string => typeof c === 'string') : [],
      });
    }
  }
  return out;
}

/** The organization profile scoring compares targeting with (sectors: STIX industry-sector-ov). */
export interface OrgProfile {
  sectors: string[];
  countries: string[];
}

/** The organization profile as stored (`threatloom org set`), or undefined when none is set. */
export async function loadOrgProfile(store: Store): Promise<OrgProfile | undefined> {
  const stored = await getOrgProfile(store);
  const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
  const profile = { sectors: lower(stored.sectors), countries: lower(stored.countries) };
  return profile.sectors.length + profile.countries.length > 0 ? profile : undefined;
}

/** The CVEs whose CPEs can denote a technology (a CPE 2.3 name, a purl or a product name). */
export async function cvesOfTechnology(
  store: Store,
  technology: string,
  limit: number,
): Promise<VulnerabilityFacts[]> {
  const found = await vulnerabilitiesForTechnology(store, technology, { limit });
  return [
    ...(
      await vulnerabilityFacts(
        store,
        found.map((f) => f.facts.cve),
      )
    ).values(),
  ];
}
