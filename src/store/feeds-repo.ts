import type { Store } from './store.ts';

export interface Feed {
  name: string;
  location: string;
  format: string;
  mapping: Record<string, unknown> | null;
  schedule: string | null;
  reliability: string | null;
  tlp: string | null;
  /** Header values may be `env:NAME`, read from the environment at run time. */
  headers: Record<string, string> | null;
  allowPrivate: boolean;
  allowRedirects: boolean;
  enabled: boolean;
  state: Record<string, number> | null;
}

export interface FeedRun {
  id: number;
  feed: string;
  started: string;
  finished: string | null;
  status: string;
  counts: Record<string, number> | null;
  error: string | null;
}

const parse = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));
const text = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export async function saveFeed(store: Store, f: Feed, now: string): Promise<void> {
  const row = {
    location: f.location,
    format: f.format,
    mapping: text(f.mapping),
    schedule: f.schedule,
    reliability: f.reliability,
    tlp: f.tlp,
    headers: text(f.headers),
    allow_private: f.allowPrivate ? 1 : 0,
    allow_redirects: f.allowRedirects ? 1 : 0,
    enabled: f.enabled ? 1 : 0,
    state: text(f.state),
  };
  await store.db
    .insertInto('feeds')
    .values({ name: f.name, created: now, ...row })
    .onConflict((oc) => oc.column('name').doUpdateSet(row))
    .execute();
}

export async function listFeeds(store: Store): Promise<Feed[]> {
  const rows = await store.db.selectFrom('feeds').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    location: r.location,
    format: r.format,
    mapping: parse(r.mapping),
    schedule: r.schedule,
    reliability: r.reliability,
    tlp: r.tlp,
    headers: parse(r.headers),
    allowPrivate: r.allow_private === 1,
    allowRedirects: r.allow_redirects === 1,
    enabled: r.enabled === 1,
    state: parse(r.state),
  }));
}

export async function saveFeedState(
  store: Store,
  name: string,
  state: Record<string, number>,
): Promise<void> {
  await store.db
    .updateTable('feeds')
    .set({ state: JSON.stringify(state) })
    .where('name', '=', name)
    .execute();
}

export async function startFeedRun(store: Store, feed: string, now: string): Promise<number> {
  const row = await store.db
    .insertInto('feed_runs')
    .values({ feed, started: now, status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishFeedRun(
  store: Store,
  id: number,
  r: {
    finished: string;
    status: 'ok' | 'rejects' | 'failed';
    counts?: Record<string, number>;
    error?: string;
  },
): Promise<void> {
  await store.db
    .updateTable('feed_runs')
    .set({ finished: r.finished, status: r.status, counts: text(r.counts), error: r.error ?? null })
    .where('id', '=', id)
    .execute();
}

export async function feedRuns(store: Store, feed?: string, limit = 50): Promise<FeedRun[]> {
  let q = store.db.selectFrom('feed_runs').selectAll().orderBy('id', 'desc').limit(limit);
  if (feed) q = q.where('feed', '=', feed);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, counts: parse(r.counts) }));
}

/** When each feed's latest run started, by feed name (feeds that never ran are absent). */
export async function lastRunStarts(store: Store): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom('feed_runs')
    .select(['feed', (eb) => eb.fn.max('started').as('started')])
    .groupBy('feed')
    .execute();
  return new Map(rows.map((r) => [r.feed, r.started]));
}
