import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';
import { isoNow, systemClock, type Clock } from '../../core/time.ts';
import type { Store } from '../../store/store.ts';
import { saveWarninglist, type SaveOutcome } from '../../store/warninglists-repo.ts';
import { recomputeWarninglistHits } from '../warninglist-hits.ts';
import { readWarninglistFiles } from './read-lists.ts';

export interface LoadProblem {
  file?: string;
  path?: string;
  message: string;
}

export interface LoadWarninglistsResult {
  files: number;
  counts: Record<SaveOutcome, number>;
  lists: { name: string; file: string; type: string; entries: number; outcome: SaveOutcome }[];
  problems: LoadProblem[];
  /** Set when a list changed and the hits of the stored observables were recomputed. */
  rescan?: { observables: number; hits: number };
}

/**
 * Loads every MISP warninglist `list.json` under `path` into the store. A list whose content
 * is unchanged is left alone; when any list is new or changed, the hits of every observable
 * already in the store are recomputed. Bad files and entries are reported, never fatal.
 */
export async function loadWarninglists(opts: {
  store: Store;
  path: string;
  limits?: Limits;
  clock?: Clock;
}): Promise<LoadWarninglistsResult> {
  const read = readWarninglistFiles(opts.path, opts.limits ?? DEFAULT_LIMITS);
  const now = isoNow(opts.clock ?? systemClock);
  const result: LoadWarninglistsResult = {
    files: read.files.length,
    counts: { created: 0, updated: 0, unchanged: 0 },
    lists: [],
    problems: read.problems.map((p) => ({ ...p.location, message: p.message })),
  };
  for (const { file, list } of read.lists) {
    const outcome = await saveWarninglist(opts.store, list, now);
    result.counts[outcome] += 1;
    result.lists.push({ name: list.name, file, type: list.type, entries: list.entries.length, outcome });
  }
  if (result.counts.created + result.counts.updated > 0)
    result.rescan = await recomputeWarninglistHits(opts.store);
  return result;
}
