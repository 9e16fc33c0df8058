import { AppError, toAppError } from '../../core/errors.ts';
import type { Limits } from '../../core/limits.ts';
import { isoNow, systemClock, type Clock } from '../../core/time.ts';
import { isTlp } from '../../stix/markings.ts';
import { finishFeedRun, saveFeedState, startFeedRun, type Feed } from '../../store/feeds-repo.ts';
import type { Store } from '../../store/store.ts';
import { assertReliability, ingestLocation } from '../ingest/ingest.ts';
import type { IngestResult } from '../ingest/result.ts';
import type { IngestFormat } from '../source.ts';
import { parseCsvMapping } from './catalog-schema.ts';

export type FeedRunOutcome =
  | { feed: string; status: 'ok' | 'rejects'; result: IngestResult }
  | { feed: string; status: 'failed'; error: string };

/** `env:NAME` header values come from the environment, so secrets need not sit in the store. */
function resolveHeaders(headers: Record<string, string> | null): Record<string, string> | undefined {
  if (!headers) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (!v.startsWith('env:')) {
      out[k] = v;
      continue;
    }
    const value = process.env[v.slice(4)];
    if (value === undefined)
      throw new AppError('USAGE', `header ${k} needs environment variable ${v.slice(4)}, which is not set`);
    out[k] = value;
  }
  return out;
}

/**
 * Runs one feed: fetch through the guarded client, ingest, record the run with its counts.
 * A failed fetch is recorded as a failed run, not thrown, so one bad feed never stops the rest.
 */
export async function runFeed(
  store: Store,
  feed: Feed,
  opts: { clock?: Clock; limits?: Limits } = {},
): Promise<FeedRunOutcome> {
  const clock = opts.clock ?? systemClock;
  const runId = await startFeedRun(store, feed.name, isoNow(clock));
  try {
    const headers = resolveHeaders(feed.headers);
    const { result, state } = await ingestLocation({
      store,
      location: feed.location,
      format: feed.format as IngestFormat,
      settings: {
        ...(headers ? { headers } : {}),
        allowPrivate: feed.allowPrivate,
        allowRedirects: feed.allowRedirects,
        ...(feed.mapping ? { csv: parseCsvMapping(feed.mapping, `feed ${feed.name} mapping`) } : {}),
        ...(feed.state ? { mispState: feed.state } : {}),
      },
      ...(opts.limits ? { limits: opts.limits } : {}),
      sourceName: feed.name,
      ...(feed.reliability ? { reliability: assertReliability(feed.reliability) } : {}),
      ...(feed.tlp && isTlp(feed.tlp) ? { tlp: feed.tlp } : {}),
      clock,
    });
    if (state) await saveFeedState(store, feed.name, state);
    const status = result.counts.rejected > 0 ? 'rejects' : 'ok';
    await finishFeedRun(store, runId, { finished: isoNow(clock), status, counts: result.counts });
    return { feed: feed.name, status, result };
  } catch (e) {
    const err = toAppError(e);
    await finishFeedRun(store, runId, { finished: isoNow(clock), status: 'failed', error: err.describe() });
    return { feed: feed.name, status: 'failed', error: err.describe() };
  }
}
