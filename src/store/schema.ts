import type { Generated } from 'kysely';
import type {
  ExternalRefsTable,
  KnowledgeMetaTable,
  OrgProfileTable,
  VulnerabilityFactsTable,
  WeaknessesTable,
} from './knowledge-tables.ts';

/** Table types of the store; both dialects hold exactly these tables. */
export interface Database {
  objects: KeyedObjectsTable;
  object_versions: ObjectVersionsTable;
  relationships: RelationshipsTable;
  observables: ObservablesTable;
  sources: SourcesTable;
  provenance: ProvenanceTable;
  feeds: FeedsTable;
  feed_runs: FeedRunsTable;
  models: ModelsTable;
  model_versions: ModelVersionsTable;
  model_reviews: ModelReviewsTable;
  vulnerability_facts: VulnerabilityFactsTable;
  weaknesses: WeaknessesTable;
  external_refs: ExternalRefsTable;
  knowledge_meta: KnowledgeMetaTable;
  org_profile: OrgProfileTable;
  warninglists: WarninglistsTable;
  warninglist_hits: WarninglistHitsTable;
  sightings: SightingsTable;
  verdicts: VerdictsTable;
  scores: ScoresTable;
  score_models: ScoreModelsTable;
  analyses: AnalysesTable;
}

/** Saved model analyses (drift baselines); `result` is the analysis JSON. */
export interface AnalysesTable {
  id: Generated<number>;
  model_name: string;
  model_version: string;
  model_digest: string;
  created: string;
  result: string;
}

/** Sightings of a canonical value recorded by hand or by matching (STIX sightings stay objects). */
export interface SightingsTable {
  id: Generated<number>;
  value: string;
  kind: string;
  count: number;
  seen: string;
  where_seen: string | null;
  recorded: string;
}

/** Analyst verdicts (tp/fp) on an object, with the score features it had then. */
export interface VerdictsTable {
  id: Generated<number>;
  object_id: string;
  verdict: string;
  note: string | null;
  features: string;
  created: string;
}

/** The latest score of each object; `decays_at` is when it falls below the decay threshold. */
export interface ScoresTable {
  object_id: string;
  score: number;
  base: number;
  t0: string | null;
  decays_at: string | null;
  factors: string;
  model_version: number;
  computed: string;
}

/** Each trained score model, kept as a version; the highest version is current. */
export interface ScoreModelsTable {
  version: number;
  created: string;
  model: string;
  metrics: string;
}

/**
 * The current version of every STIX object; `json` is the object exactly as received. `key`
 * is the integer observables and provenance refer to (PostgreSQL's driver returns it as a
 * string: a bigint does not fit a JavaScript number in general).
 */
export interface KeyedObjectsTable extends ObjectsTable {
  key: Generated<number>;
}

/** An object's row as ingest writes it. */
export interface ObjectsTable {
  id: string;
  type: string;
  spec_version: string | null;
  created: string | null;
  modified: string | null;
  /** timestampKey(modified): the sortable form used to compare versions. */
  modified_key: string | null;
  revoked: number;
  confidence: number | null;
  created_by_ref: string | null;
  /** Rank of the object's TLP (0 clear … 4 red): the access-control filter of every read. */
  tlp: number;
  name: string | null;
  description: string | null;
  aliases: string | null;
  labels: string | null;
  matchable: number | null;
  json: string;
}

/** Superseded versions, kept when a newer `modified` replaces the current one. */
export interface ObjectVersionsTable {
  id: string;
  modified_key: string;
  json: string;
}

/** SROs and embedded references (`object_refs`, `sighting_of_ref`), for one-hop pivots. */
export interface RelationshipsTable {
  id: string;
  source_ref: string;
  relationship_type: string;
  target_ref: string;
}

/** An observable of one object, as ingest writes it. */
export interface ObservableRow {
  value: string;
  kind: string;
  /** For IPs and CIDRs: fixed-width hex bounds, so "IP inside a CIDR" is a range query. */
  range_lo: string | null;
  range_hi: string | null;
}

/** The hot lookup index: canonical observable value → the objects that carry it. */
export interface ObservablesTable extends ObservableRow {
  /** The `key` of the object. */
  object_key: number;
}

export interface SourcesTable {
  id: Generated<number>;
  name: string;
  reliability: string | null;
  tlp: string | null;
  created: string;
}

/** Which source reported which object, when first and last, how many times. */
export interface ProvenanceTable {
  /** The `key` of the object. */
  object_key: number;
  source_id: number;
  first_seen: string;
  last_seen: string;
  times_seen: number;
  reliability: string | null;
  tlp: string | null;
}

export interface FeedsTable {
  name: string;
  location: string;
  format: string;
  mapping: string | null;
  schedule: string | null;
  reliability: string | null;
  tlp: string | null;
  headers: string | null;
  allow_private: number;
  allow_redirects: number;
  enabled: number;
  state: string | null;
  created: string;
}

export interface FeedRunsTable {
  id: Generated<number>;
  feed: string;
  started: string;
  finished: string | null;
  status: string;
  counts: string | null;
  error: string | null;
}

export interface ModelsTable {
  id: Generated<number>;
  name: string;
  title: string | null;
  /** draft, in-review or approved. */
  status: string;
  latest_version: number;
  approved_version: number | null;
  created: string;
  updated: string;
}

/** Immutable snapshots of a model document: written once, never updated. */
export interface ModelVersionsTable {
  model_id: number;
  version: number;
  created: string;
  author: string;
  message: string | null;
  /** SHA-256 of `document`: saving the same document again makes no new version. */
  digest: string;
  document: string;
}

/** The review trail: review requests, approvals, requested changes and comments. */
export interface ModelReviewsTable {
  id: Generated<number>;
  model_id: number;
  version: number;
  actor: string;
  /** request-review, approve, request-changes or comment. */
  action: string;
  created: string;
  comment: string | null;
  threat_id: string | null;
}

/** Known-benign lists in the MISP warninglist format; `entries` is the list as a JSON array. */
export interface WarninglistsTable {
  name: string;
  /** string, substring, hostname, cidr or regex. */
  type: string;
  /** false_positive or known. */
  category: string;
  version: number;
  description: string | null;
  /** JSON array of MISP attribute types; null when the list applies to every type. */
  matching_attributes: string | null;
  entries: string;
  entry_count: number;
  /** SHA-256 of the list's content: loading the same list again changes nothing. */
  digest: string;
  loaded: string;
}

/** Which canonical values are on which known-benign list (read by scoring). */
export interface WarninglistHitsTable {
  value: string;
  kind: string;
  list_name: string;
  category: string;
}
