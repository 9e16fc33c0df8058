import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { FEED_CATALOG } from '../../src/intel/feeds/catalog.ts';
import { runFeed } from '../../src/intel/feeds/run-feed.ts';
import { feedRuns, listFeeds, saveFeed, type Feed } from '../../src/store/feeds-repo.ts';
import { countByType } from '../../src/store/objects-repo.ts';
import type { Store } from '../../src/store/store.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { startTestServer, type TestServer } from '../sources/http-test-server.ts';
import { indicatorCount, readEvent } from '../sources/misp-oracle.ts';

const now = '2026-11-01T00:00:00.000Z';
const feed = (over: Partial<Feed> & Pick<Feed, 'name' | 'location' | 'format'>): Feed => ({
  mapping: null,
  schedule: null,
  reliability: 'B',
  tlp: 'clear',
  headers: null,
  allowPrivate: false,
  allowRedirects: false,
  enabled: true,
  state: null,
  ...over,
});

/** What the sample feed holds, counted from the raw event files: indicators, and one report per event that has any. */
function mispSampleRecords(): number {
  const dir = corpus('misp', 'feed-circl-osint-sample');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const counts = Object.keys(manifest).map((uuid) => indicatorCount(readEvent(join(dir, `${uuid}.json`))));
  return counts.reduce((a, b) => a + b, 0) + counts.filter((n) => n > 0).length;
}

describe.skipIf(!corporaPresent).each(DIALECTS)('feeds on %s', (dialect) => {
  const testDb = freshDb(dialect);
  let store: Store;
  let server: TestServer;
  beforeAll(async () => {
    store = await testDb.open();
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    server = await startTestServer((req, res) => {
      if (req.url === '/bomb.txt') {
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
        res.end(bomb);
      } else {
        res.end('198.51.100.200\n# comment\n203.0.113.7\n');
      }
    });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await testDb.drop();
  });

  it('runs a MISP feed, then fetches nothing new on the second run', async () => {
    await saveFeed(
      store,
      feed({ name: 'circl', location: corpus('misp', 'feed-circl-osint-sample'), format: 'misp' }),
      now,
    );
    const first = await runFeed(
      store,
      (await listFeeds(store)).find((f) => f.name === 'circl')!,
    );
    expect(first.status).toBe('ok');
    if (first.status === 'failed') return;
    const expected = mispSampleRecords();
    expect(first.result.counts).toMatchObject({ received: expected, created: expected, rejected: 0 });

    const second = await runFeed(
      store,
      (await listFeeds(store)).find((f) => f.name === 'circl')!,
    );
    expect(second.status === 'ok' && second.result.counts).toMatchObject({ received: 0, created: 0 });
    const runs = await feedRuns(store, 'circl');
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok']);
  });

  it('reads CISA KEV as the catalog configures it, from a local copy; a second run changes nothing', async () => {
    const kev = FEED_CATALOG.find((e) => e.name === 'cisa-kev')!;
    const file = corpus('kev', 'known_exploited_vulnerabilities.json');
    const rows = (JSON.parse(readFileSync(file, 'utf8')) as { vulnerabilities: unknown[] }).vulnerabilities
      .length;
    const f = feed({ name: 'kev', location: file, format: kev.format });
    const first = await runFeed(store, f);
    expect(first.status === 'ok' && first.result.counts).toMatchObject({
      received: rows,
      created: rows,
      rejected: 0,
    });
    const second = await runFeed(store, f);
    expect(second.status === 'ok' && second.result.counts).toMatchObject({
      received: rows,
      created: 0,
      updated: 0,
      unchanged: rows,
    });
  });

  it('refuses a feed on a loopback address unless allowed, and records the failed run', async () => {
    const blocked = await runFeed(
      store,
      feed({ name: 'local', location: `${server.url}/list.txt`, format: 'text' }),
    );
    expect(blocked.status).toBe('failed');
    expect(blocked.status === 'failed' && blocked.error).toMatch(
      /127\.0\.0\.1|loopback|not allowed|blocked/i,
    );
    expect((await feedRuns(store, 'local'))[0]).toMatchObject({ status: 'failed' });

    const allowed = await runFeed(
      store,
      feed({ name: 'local', location: `${server.url}/list.txt`, format: 'text', allowPrivate: true }),
    );
    expect(allowed.status === 'ok' && allowed.result.counts).toMatchObject({ created: 2 });
  });

  it('stops a gzip bomb at the decompressed-size cap, records the failure and leaves the store as it was', async () => {
    const before = await countByType(store, LOCAL_OPERATOR);
    const limits = { ...DEFAULT_LIMITS, maxDecompressedBytes: 1024 * 1024 };
    const bomb = await runFeed(
      store,
      feed({ name: 'bomb', location: `${server.url}/bomb.txt`, format: 'text', allowPrivate: true }),
      { limits },
    );
    expect(bomb.status === 'failed' && bomb.error).toMatch(/bomb\.txt/);
    expect((await feedRuns(store, 'bomb'))[0]).toMatchObject({ status: 'failed' });
    expect(await countByType(store, LOCAL_OPERATOR)).toEqual(before);
  });
});
