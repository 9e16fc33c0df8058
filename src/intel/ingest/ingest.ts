import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { collectGarbage } from '../../core/collect-garbage.ts';
import { AppError } from '../../core/errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';
import { isoNow, systemClock, type Clock } from '../../core/time.ts';
import type { Tlp } from '../../stix/markings.ts';
import { enrichObservableRows } from '../../enrich/warninglist-hits.ts';
import { ensureSource } from '../../store/sources-repo.ts';
import type { Store } from '../../store/store.ts';
import type { IngestFormat, SourceRecord } from '../source.ts';
import { createSource, type SourceSettings } from '../sources/index.ts';
import { isKnowledgeFormat } from '../sources/vuln/index.ts';
import { ingestKnowledge } from '../knowledge/ingest-knowledge.ts';
import { normalizeRecords, type NormalizeContext, type NormalizedBatch } from './normalize-batches.ts';
import type { NormalizedItem } from './normalize.ts';
import { planBatch } from './plan-batch.ts';
import { emptyResult, MAX_LISTED_REJECTS, rejectedItem, type IngestResult } from './result.ts';
import { normalizeInWorker } from './worker-batches.ts';

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface IngestCommon {
  store: Store;
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

const DEFAULT_BATCH = 5000;
/** Heap size above which a batch ends with a full garbage collection: keeps a long ingest's memory flat. */
const GC_ABOVE = 96 * 2 ** 20;

/** Ingests records read in this thread (tests, small inputs, sources built in code). */
export async function ingest(
  opts: IngestCommon & { records: AsyncIterable<SourceRecord> },
): Promise<IngestResult> {
  const context = contextOf(opts);
  return store(opts, context, normalizeRecords(opts.records, context, opts.batchSize ?? DEFAULT_BATCH));
}

/**
 * Ingests a file, URL or stdin: a worker thread reads and normalizes while this thread
 * writes, so the two halves of the work run on two cores. Returns the source's state for
 * its next run too (MISP feeds fetch only what changed).
 */
export async function ingestLocation(
  opts: IngestCommon & { location: string; settings?: SourceSettings; limits?: Limits },
): Promise<{ result: IngestResult; state?: Record<string, number> }> {
  // Vulnerability knowledge (KEV, EPSS, CVE, CWE) fills its own tables, then the pipeline.
  if (isKnowledgeFormat(opts.format))
    return { result: await ingestKnowledge({ ...opts, format: opts.format }) };
  const context = contextOf(opts);
  const limits = opts.limits ?? DEFAULT_LIMITS;
  if (opts.location === '-') {
    // Standard input belongs to this thread; it is read here.
    const source = createSource(opts.format, opts.settings);
    const records = source.read({ location: '-', limits });
    return {
      result: await store(opts, context, normalizeRecords(records, context, opts.batchSize ?? DEFAULT_BATCH)),
    };
  }
  const work = normalizeInWorker({
    format: opts.format,
    settings: opts.settings ?? {},
    location: opts.location,
    limits,
    context,
    batchSize: opts.batchSize ?? DEFAULT_BATCH,
    maxInFlight: 2,
  });
  try {
    const result = await store(opts, context, work.batches);
    const state = work.state();
    return { result, ...(state ? { state } : {}) };
  } finally {
    await work.close();
  }
}

function contextOf(opts: IngestCommon): NormalizeContext {
  return { now: isoNow(opts.clock ?? systemClock), ...(opts.tlp ? { tlp: opts.tlp } : {}) };
}

/**
 * Stage two: merges normalized batches into the store, each batch atomically, and
 * counts the per-object results. Bad items are rejected with their path and reason; they
 * never stop their valid siblings (unless `strict`).
 */
async function store(
  opts: IngestCommon,
  context: NormalizeContext,
  batches: AsyncIterable<NormalizedBatch>,
): Promise<IngestResult> {
  const started = performance.now();
  const result = emptyResult(opts.sourceName, opts.format);
  const held: NormalizedItem[][] = [];
  const inFlight: { ids: Set<string>; done: Promise<void> }[] = [];
  const writer = opts.store.ingestWriter;

  try {
    // The write lock first (SQLite: waiting for another ingest if need be), so that the
    // source's row is written in the first commit group rather than waiting on its own.
    await writer.lock?.();
    const source = await ensureSource(opts.store, {
      name: opts.sourceName,
      reliability: opts.reliability,
      tlp: opts.tlp,
      now: context.now,
    });
    const prov = { sourceId: source.id, seen: context.now, reliability: source.reliability, tlp: source.tlp };

    const write = async (items: NormalizedItem[]) => {
      if (items.length === 0) return;
      const current = await writer.currentVersions([...new Set(items.map((i) => i.id))]);
      const { batch, outcomes } = planBatch(items, current, prov);
      const elsewhere = await writer.writeBatch(batch);
      await enrichObservableRows(
        opts.store,
        [...batch.created, ...batch.replaced].flatMap((o) => o.observables),
      );
      // Another ingest may have created some of these objects meanwhile: count what they became.
      outcomes.forEach((o, i) => {
        result.counts[o === 'created' ? (elsewhere?.get(items[i]!.id) ?? o) : o] += 1;
      });
    };

    // Batches being written, oldest first. A writer that writes batches side by side gets the
    // next batch while the last is written, unless the two share an object: a batch is planned
    // on what the store holds, so it waits for any batch in flight that writes one of its ids.
    // A writer of one batch at a time has it written before the next is read.
    const parallel = writer.parallel ?? 1;
    const startWrite = async (items: NormalizedItem[]) => {
      const ids = new Set(items.map((i) => i.id));
      while (inFlight.some((f) => sharesAny(f.ids, ids))) await inFlight.shift()!.done;
      const done = write(items);
      // Awaited in order, here or below; until then a failure must not count as unhandled.
      done.catch(() => undefined);
      inFlight.push({ ids, done });
      while (inFlight.length >= parallel) await inFlight.shift()!.done;
    };

    for await (const batch of batches) {
      const items: NormalizedItem[] = [];
      for (const item of batch) {
        result.counts.received += 1;
        if (item.ok) items.push(item);
        else {
          result.counts.rejected += 1;
          if (result.rejected.length < MAX_LISTED_REJECTS)
            result.rejected.push(rejectedItem(item.location, item.message, item.id));
        }
      }
      if (opts.strict) held.push(items);
      else await startWrite(items);
      opts.onProgress?.(result.counts.received);
      if (getHeapStatistics().used_heap_size > GC_ABOVE) collectGarbage();
    }
    if (opts.strict && result.counts.rejected === 0) {
      for (const items of held) await startWrite(items);
    }
    while (inFlight.length > 0) await inFlight.shift()!.done;
  } finally {
    // After a failure, the batches still being written end (each whole or not at all) first.
    await Promise.allSettled(inFlight.map((f) => f.done));
    // Commits what the writer grouped, also when reading failed half-way: each written batch
    // is whole (a batch that failed to write was rolled back by the writer).
    await writer.flush?.();
  }
  result.seconds = Math.round(performance.now() - started) / 1000;
  return result;
}

function sharesAny(a: Set<string>, b: Set<string>): boolean {
  for (const id of b) if (a.has(id)) return true;
  return false;
}

export function assertReliability(v: string): Reliability {
  if (!/^[A-F]$/.test(v))
    throw new AppError('USAGE', `reliability must be one of A–F (Admiralty scale), not ${JSON.stringify(v)}`);
  return v as Reliability;
}
