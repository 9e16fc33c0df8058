import type { IngestFormat, ItemLocation } from '../source.ts';

export interface RejectedItem {
  index?: number;
  line?: number;
  id?: string;
  path: string;
  message: string;
}

/** The per-object outcome of an ingest: the JSON contract of `intel ingest --json`. */
export interface IngestResult {
  source: string;
  format: IngestFormat;
  counts: { received: number; created: number; updated: number; unchanged: number; rejected: number };
  /** The first MAX_LISTED_REJECTS rejects; `counts.rejected` has them all. */
  rejected: RejectedItem[];
  seconds: number;
}

/** Keeps the result of a feed of millions of bad lines printable. */
export const MAX_LISTED_REJECTS = 1000;

export function rejectedItem(location: ItemLocation, message: string, id?: string): RejectedItem {
  return {
    ...(location.index !== undefined ? { index: location.index } : {}),
    ...(location.line !== undefined ? { line: location.line } : {}),
    ...(id !== undefined ? { id } : {}),
    path: location.path,
    message,
  };
}

/** The result of an ingest before its first item. */
export function emptyResult(source: string, format: IngestFormat): IngestResult {
  return {
    source,
    format,
    counts: { received: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 },
    rejected: [],
    seconds: 0,
  };
}
