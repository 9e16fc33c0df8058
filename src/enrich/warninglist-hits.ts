import {
  insertWarninglistHits,
  observableKeysAfter,
  replaceAllWarninglistHits,
  type ValueKey,
  type WarninglistHitRow,
} from '../store/enrichment-repo.ts';
import type { Store } from '../store/store.ts';
import type { WarninglistMatcher } from './warninglists/matcher.ts';
import { warninglistMatcher } from './warninglists/matcher-cache.ts';

function hitRows(matcher: WarninglistMatcher, rows: readonly ValueKey[], out: WarninglistHitRow[]): void {
  for (const { value, kind } of rows) {
    for (const h of matcher.match(value, kind))
      out.push({ value, kind, list_name: h.name, category: h.category });
  }
}

/**
 * Records the known-benign hits of values just written (called by ingest after each batch).
 * With no list loaded it costs one query; the matcher is built once per store.
 */
export async function enrichObservableRows(store: Store, rows: readonly ValueKey[]): Promise<number> {
  if (rows.length === 0) return 0;
  const matcher = await warninglistMatcher(store);
  if (!matcher) return 0;
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const key = `${r.kind}\u0000${r.value}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const hits: WarninglistHitRow[] = [];
  hitRows(matcher, unique, hits);
  await insertWarninglistHits(store, hits);
  return hits.length;
}

export interface ScanOptions {
  pageSize?: number;
  /** Called for each page of distinct values, e.g. for geo/ASN context. */
  onPage?: (rows: readonly ValueKey[]) => void;
}

/** Recomputes the hits of every observable in the store against the current lists. */
export async function recomputeWarninglistHits(
  store: Store,
  opts: ScanOptions = {},
): Promise<{ observables: number; hits: number }> {
  const matcher = await warninglistMatcher(store);
  const hits: WarninglistHitRow[] = [];
  let observables = 0;
  for (let after: ValueKey | null = null; ;) {
    const page = await observableKeysAfter(store, after, opts.pageSize ?? 10_000);
    if (page.length === 0) break;
    observables += page.length;
    if (matcher) hitRows(matcher, page, hits);
    opts.onPage?.(page);
    after = page.at(-1)!;
  }
  await replaceAllWarninglistHits(store, hits);
  return { observables, hits: hits.length };
}
