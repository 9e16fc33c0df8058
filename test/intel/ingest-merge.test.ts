import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { lookup } from '../../src/intel/lookup.ts';
import { search } from '../../src/intel/search.ts';
import type { SourceRecord } from '../../src/intel/source.ts';
import { getObject, getVersions } from '../../src/store/objects-repo.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { DIALECTS, useFreshStore } from '../dialects.ts';
import { indicator, stixRecords, valueRecords } from './records.ts';

const ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const CIDR_ID = 'indicator--1f1c1a2e-4a39-4b5e-9a49-2a54c3a0c1d1';

describe.each(DIALECTS)('merge and versions on %s', (dialect) => {
  const store = useFreshStore(dialect);

  const run = (records: AsyncIterable<SourceRecord>, sourceName = 'feed-a', strict = false) =>
    ingest({ store: store(), records, format: 'stix', sourceName, reliability: 'B', strict });

  it('replaces the current version with a newer modified and keeps the older one', async () => {
    const v1 = indicator(ID, "[ipv4-addr:value = '198.51.100.7']", { name: 'first' });
    const v2 = { ...v1, modified: '2026-02-01T00:00:00.000Z', name: 'second' };
    expect((await run(stixRecords([v1]))).counts).toMatchObject({ created: 1 });
    expect((await run(stixRecords([v2]))).counts).toMatchObject({ updated: 1 });
    // An older version arriving late changes nothing current, and is kept in the history.
    expect((await run(stixRecords([v1]))).counts).toMatchObject({ unchanged: 1 });
    const current = await getObject(store(), LOCAL_OPERATOR, ID);
    expect(current?.object.name).toBe('second');
    expect((await getVersions(store(), ID)).map((v) => v.name)).toEqual(['first']);
  });

  it('moves the observables of a replaced object to its new pattern, within one ingest and across two', async () => {
    const id = 'indicator--5b7c8d9e-1f20-4a3b-8c4d-5e6f7a8b9c0d';
    const v1 = indicator(id, "[domain-name:value = 'old.example.org']");
    const v2 = {
      ...v1,
      modified: '2026-02-01T00:00:00.000Z',
      pattern: "[domain-name:value = 'new.example.org']",
    };
    const v3 = {
      ...v1,
      modified: '2026-03-01T00:00:00.000Z',
      pattern: "[url:value = 'http://third.example.org/x']",
    };
    // One object per batch: the replacement meets rows its own ingest has not committed yet.
    const first = await ingest({
      store: store(),
      records: stixRecords([v1, v2]),
      format: 'stix',
      sourceName: 'feed-m',
      batchSize: 1,
    });
    expect(first.counts).toMatchObject({ created: 1, updated: 1 });
    const holders = async (value: string) =>
      (await lookup(store(), LOCAL_OPERATOR, value)).matches.map((m) => m.id);
    expect(await holders('old.example.org')).toEqual([]);
    expect(await holders('new.example.org')).toEqual([id]);
    expect((await run(stixRecords([v3]))).counts).toMatchObject({ updated: 1 });
    expect(await holders('new.example.org')).toEqual([]);
    expect(await holders('http://third.example.org/x')).toEqual([id]);
  });

  it('keeps every version in the history when batches that follow each other replace one object', async () => {
    const id = 'indicator--0c6f1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
    const version = (month: number) =>
      indicator(id, `[ipv4-addr:value = '203.0.113.${month}']`, {
        modified: `2026-0${month}-01T00:00:00.000Z`,
        name: `v${month}`,
      });
    await run(stixRecords([version(1)]));
    // One object per batch, each planned on what the batch before it wrote (a writer that
    // writes batches side by side must not plan the next one before the last has landed).
    const later = await ingest({
      store: store(),
      records: stixRecords([2, 3, 4, 5].map(version)),
      format: 'stix',
      sourceName: 'feed-a',
      batchSize: 1,
    });
    expect(later.counts).toMatchObject({ updated: 4 });
    expect((await getObject(store(), LOCAL_OPERATOR, id))?.object.name).toBe('v5');
    expect((await getVersions(store(), id)).map((v) => v.name)).toEqual(['v4', 'v3', 'v2', 'v1']);
  });

  it('keeps a revoked object revoked whatever arrives later', async () => {
    const id = 'indicator--0b9bb8c0-7d66-4d6b-8a5e-8d1d9b8b9a11';
    const v1 = indicator(id, "[domain-name:value = 'evil.example.com']", {
      modified: '2026-03-01T00:00:00.000Z',
      revoked: true,
    });
    const v2 = { ...v1, modified: '2026-04-01T00:00:00.000Z', revoked: false };
    await run(stixRecords([v1]));
    expect((await run(stixRecords([v2]))).counts).toMatchObject({ unchanged: 1 });
    expect((await getObject(store(), LOCAL_OPERATOR, id))?.revoked).toBe(true);
  });

  it('finds one observable from every spelling and every source, and an IP inside a CIDR', async () => {
    await run(stixRecords([indicator(CIDR_ID, "[ipv4-addr:value = '203.0.113.0/24']")]), 'feed-b');
    await run(valueRecords(['198[.]51[.]100[.]7', '198.51.100.7']), 'list-c');
    const r = await lookup(store(), LOCAL_OPERATOR, '198(.)51(.)100(.)7');
    expect(r.value).toBe('198.51.100.7');
    const sources = r.matches.flatMap((m) => m.sources.map((s) => s.source)).sort();
    expect(sources).toEqual(['feed-a', 'list-c']);
    const inCidr = await lookup(store(), LOCAL_OPERATOR, '203.0.113.200');
    expect(inCidr.matches.map((m) => [m.id, m.match])).toEqual([[CIDR_ID, 'cidr']]);
  });

  it('derives one indicator for a value reported by lists, and a re-run changes nothing', async () => {
    const first = await run(
      valueRecords(['EVIL.example.com.', 'evil.example.com', 'hxxps://evil[.]example[.]com/a']),
      'list-d',
    );
    expect(first.counts).toMatchObject({ received: 3, created: 2, unchanged: 1 });
    const again = await run(valueRecords(['evil.example.com', 'hxxps://evil[.]example[.]com/a']), 'list-d');
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('rejects bad items with their path and still writes their valid siblings', async () => {
    const good = indicator(
      'indicator--5d0d5c8a-1b3e-4d3a-9a2b-6d1e2f3a4b5c',
      "[url:value = 'http://bad.example.org/x']",
    );
    const badPattern = indicator(
      'indicator--6e1e6d9b-2c4f-4e4b-8b3c-7e2f3a4b5c6d',
      "[ipv4-addr:value = '1.2.3.4'",
    );
    const mismatch = { ...good, id: 'malware--7f2f7eac-3d5a-4f5c-9c4d-8f3a4b5c6d7e' };
    const r = await run(stixRecords([badPattern, good, mismatch]));
    expect(r.counts).toMatchObject({ received: 3, created: 1, rejected: 2 });
    expect(r.rejected.map((x) => x.index)).toEqual([0, 2]);
    expect(r.rejected[0]!.path).toMatch(/^\$\.objects\[0\]\.pattern/);
    expect(r.rejected[1]!.path).toMatch(/^\$\.objects\[2\]\.(id|type)/);
    expect(await getObject(store(), LOCAL_OPERATOR, badPattern.id as string)).toBeUndefined();
  });

  it('writes nothing in strict mode when anything is rejected', async () => {
    const ok = indicator(
      'indicator--8a3a8bbd-4e6b-4a6d-8d5e-9a4b5c6d7e8f',
      "[ipv4-addr:value = '192.0.2.55']",
    );
    const r = await run(stixRecords([ok, { type: 'indicator', id: 'not-an-id' }]), 'feed-a', true);
    expect(r.counts).toMatchObject({ received: 2, created: 0, rejected: 1 });
    expect(await getObject(store(), LOCAL_OPERATOR, ok.id as string)).toBeUndefined();
  });

  it('searches names and values', async () => {
    const hits = await search(store(), LOCAL_OPERATOR, { text: 'second' });
    expect(hits.map((h) => h.id)).toContain(ID);
    const byValue = await search(store(), LOCAL_OPERATOR, { text: '198.51.100' });
    expect(byValue.map((h) => h.id)).toContain(ID);
  });
});
