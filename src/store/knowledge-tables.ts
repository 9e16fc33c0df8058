/**
 * What is known of one CVE, column by column; each feed writes only its own columns (KEV the
 * `kev*`, EPSS the `epss*`, CVE records the description, dates, CWEs and CPEs).
 */
export interface VulnerabilityFactsTable {
  cve: string;
  kev: number;
  kev_date_added: string | null;
  kev_due_date: string | null;
  /** `Known` or `Unknown`, as the KEV catalog says it. */
  kev_ransomware: string | null;
  /** The KEV catalog entry as received. */
  kev_json: string | null;
  epss: number | null;
  epss_percentile: number | null;
  /** The score date of the EPSS file (its `#model_version:…,score_date:…` line). */
  epss_date: string | null;
  /** JSON array of `CWE-79` ids. */
  cwes: string | null;
  /** JSON array of CPE 2.3 formatted strings. */
  cpes: string | null;
  description: string | null;
  published: string | null;
  updated: string | null;
}

/** CWE weaknesses; `capecs` is the JSON array of the related CAPEC ids (`CAPEC-66`). */
export interface WeaknessesTable {
  cwe: string;
  name: string;
  description: string | null;
  abstraction: string | null;
  status: string | null;
  capecs: string | null;
}

/**
 * The external ids STIX objects carry in `external_references` (ATT&CK `T1566`, `G0016`; CAPEC
 * `CAPEC-66`; the CWE and ATT&CK links of CAPEC patterns), derived from `objects`.
 */
export interface ExternalRefsTable {
  external_id: string;
  /** Lower-cased `source_name`: `mitre-attack`, `capec`, `cwe`, `attack`… */
  source_name: string;
  object_id: string;
}

export interface KnowledgeMetaTable {
  key: string;
  value: string;
}

/** The organization profile, one JSON value per key (sectors, countries, regions, technologies). */
export interface OrgProfileTable {
  key: string;
  value: string;
  updated: string;
}
