import type { Limits } from '../core/limits.ts';
import type { Tlp } from '../stix/markings.ts';

export type { Tlp };

/** Where one item came from, for results and error messages. */
export interface ItemLocation {
  /** 0-based position of the object in a bundle or event list. */
  index?: number;
  /** 1-based line of a CSV or text input. */
  line?: number;
  /** JSON path (`$.objects[3]`) or file name and column (`feed.csv:col 2`). */
  path: string;
}

/** A STIX 2.1 object as the source read it, not yet validated. */
export interface StixRecord {
  kind: 'stix';
  object: unknown;
  location: ItemLocation;
}

/**
 * One indicator value (an IP, a domain, a hash…) from a list, a CSV row, free text or a MISP
 * attribute. The pipeline canonicalizes it and turns it into a STIX indicator, or into an SCO
 * when the source reports it as observed only.
 */
export interface ObservableRecord {
  kind: 'observable';
  /** The raw value as written in the source (may be defanged). */
  value: string;
  /** The observable kind when the source says it; detected otherwise. */
  observableKind?: string;
  /**
   * Stable id from the source (a MISP attribute UUID); the indicator's id becomes
   * `indicator--<id>`. Without it the id is derived from the canonical value.
   */
  id?: string;
  labels?: string[];
  description?: string;
  /** 0–100. */
  confidence?: number;
  tlp?: Tlp;
  /**
   * The source reports the value as seen, not as something to detect (a MISP attribute with
   * `to_ids` false): it becomes an SCO, not an indicator.
   */
  observed?: boolean;
  /** ISO timestamps from the source, when it has them. */
  created?: string;
  modified?: string;
  firstSeen?: string;
  lastSeen?: string;
  location: ItemLocation;
}

/** An item the source could not read; it never stops the items after it. */
export interface RejectRecord {
  kind: 'reject';
  message: string;
  id?: string;
  location: ItemLocation;
}

export type SourceRecord = StixRecord | ObservableRecord | RejectRecord;

/** `kev`, `epss`, `cve` and `cwe` are vulnerability knowledge (src/intel/knowledge). */
export type IngestFormat = 'stix' | 'csv' | 'text' | 'misp' | 'kev' | 'epss' | 'cve' | 'cwe';

/** What a source reads from: a file path, a URL (fetched through the guarded client) or stdin. */
export interface SourceInput {
  /** File path, URL or `-`. */
  location: string;
  limits: Limits;
}

/** A pluggable reader of one input format. */
export interface Source {
  readonly format: IngestFormat;
  read(input: SourceInput): AsyncIterable<SourceRecord>;
  /** For incremental sources (MISP feeds): what to remember for the next run, after a read. */
  state?(): Record<string, number>;
}
