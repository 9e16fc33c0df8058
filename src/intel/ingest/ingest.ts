import { performance } from 'node:perf_hooks';
import { AppError } from '../../core/errors.ts';
import { isoNow, systemClock, type Clock } from '../../core/time.ts';
import type { Tlp } from '../../stix/markings.ts';
import { ensureSource } from '../../store/sources-repo.ts';
import type { Store } from '../../store/store.ts';
import type { IngestFormat, SourceRecord } from '../source.ts';
import { normalize, type NormalizedItem } from './normalize.ts';
import { planBatch } from './plan-batch.ts';
import { MAX_LISTED_REJECTS, rejectedItem, type IngestResult } from './result.ts';

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface IngestOptions {
  store: Store;
  records: AsyncIterable<SourceRecord>;
  format: IngestFormat;
  sourceName: string;
  reliability?: Reliability;
  tlp?: Tlp;
  /** All or nothing: any reject and nothing is written (the input is held in memory). */
  strict?: boolean;
  batchSize?: number;
  clock?: Clock;
  onProgress?: (received: number) => void;
}

/**
 * Runs records through validation, canonicalization and merge into the store, one
 * transaction per batch, and returns the per-object result. Bad items are rejected with
 * their path and reason; they never stop their valid siblings (unless `strict`).
 */
export async function ingest(opts: IngestOptions): Promise<IngestResult> {
  const started = performance.now();
  const now = isoNow(opts.clock ?? systemClock);
  const source = await ensureSource(opts.store, {
    name: opts.sourceName,
    reliability: opts.reliability,
    tlp: opts.tlp,
    now,
  });
  const prov = { sourceId: source.id, seen: now, reliability: source.reliability, tlp: source.tlp };
  const result: IngestResult = {
    source: opts.sourceName,
    format: opts.format,
    counts: { received: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 },
    rejected: [],
    seconds: 0,
  };
  const batchSize = opts.batchSize ?? 5000;
  let pending: NormalizedItem[] = [];
  const held: NormalizedItem[][] = [];

  const flush = async (items: NormalizedItem[]) => {
    if (items.length === 0) return;
    const current = await opts.store.ingestWriter.currentVersions([...new Set(items.map((i) => i.id))]);
    const { batch, outcomes } = planBatch(items, current, prov);
    await opts.store.ingestWriter.writeBatch(batch);
    for (const o of outcomes) result.counts[o] += 1;
  };

  for await (const rec of opts.records) {
    result.counts.received += 1;
    const item = normalize(rec, { now, ...(opts.tlp ? { tlp: opts.tlp } : {}) });
    if (!item.ok) {
      result.counts.rejected += 1;
      if (result.rejected.length < MAX_LISTED_REJECTS)
        result.rejected.push(rejectedItem(item.location, item.message, item.id));
    } else {
      pending.push(item);
      if (pending.length >= batchSize) {
        if (opts.strict) held.push(pending);
        else await flush(pending);
        pending = [];
      }
    }
    if (opts.onProgress && result.counts.received % 10_000 === 0) opts.onProgress(result.counts.received);
  }
  if (opts.strict) held.push(pending);
  else await flush(pending);

  if (opts.strict && result.counts.rejected === 0) {
    for (const items of held) await flush(items);
  }
  result.seconds = Math.round(performance.now() - started) / 1000;
  return result;
}

export function assertReliability(v: string): Reliability {
  if (!/^[A-F]$/.test(v))
    throw new AppError('USAGE', `reliability must be one of A–F (Admiralty scale), not ${JSON.stringify(v)}`);
  return v as Reliability;
}
