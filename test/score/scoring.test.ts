import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { lookup } from '../../src/intel/lookup.ts';
import { scoreObjects } from '../../src/score/recompute.ts';
import { BENIGN_CAP, type ScoreResult } from '../../src/score/score.ts';
import { DEFAULT_SETTINGS, type ScoreSettings } from '../../src/score/settings.ts';
import { recordSighting } from '../../src/score/sighting.ts';
import { decayedObjectIds } from '../../src/store/scores-repo.ts';
import type { Store } from '../../src/store/store.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { indicator, stixRecords } from '../intel/records.ts';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const DAYS_AGO = (d: number) => ({ now: () => new Date(NOW.getTime() - d * 86_400_000) });
const id = (n: number) => `indicator--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const GROUP = 'intrusion-set--00000000-0000-4000-8000-0000000000a1';
const SECTOR = 'identity--00000000-0000-4000-8000-0000000000b1';
const settings: ScoreSettings = {
  ...DEFAULT_SETTINGS,
  org: { sectors: ['financial-services'], countries: [] },
};

const factor = (r: ScoreResult, name: string) => r.factors.find((f) => f.name === name)!;

describe.each(DIALECTS)('indicator scores (%s)', (dialect) => {
  const testDb = freshDb(dialect);
  let store: Store;
  const feed = async (source: string, reliability: 'A' | 'C', objects: unknown[], daysAgo = 1) => {
    await ingest({
      store,
      records: stixRecords(objects),
      format: 'stix',
      sourceName: source,
      reliability,
      clock: DAYS_AGO(daysAgo),
    });
  };
  const score = async (objectId: string) =>
    (await scoreObjects(store, LOCAL_OPERATOR, [objectId], { settings, now: NOW }))[0]!;

  beforeAll(async () => {
    store = await testDb.open();
    const group = {
      type: 'intrusion-set',
      spec_version: '2.1',
      id: GROUP,
      created: '2026-01-01T00:00:00Z',
      modified: '2026-01-01T00:00:00Z',
      name: 'Test Group',
    };
    const bank = {
      type: 'identity',
      spec_version: '2.1',
      id: SECTOR,
      created: '2026-01-01T00:00:00Z',
      modified: '2026-01-01T00:00:00Z',
      name: 'banks',
      identity_class: 'class',
      sectors: ['financial-services'],
    };
    const rel = (n: number, s: string, t: string, type: string) => ({
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
      created: '2026-01-01T00:00:00Z',
      modified: '2026-01-01T00:00:00Z',
      relationship_type: type,
      source_ref: s,
      target_ref: t,
    });
    const reported = [
      indicator(id(1), "[ipv4-addr:value = '8.8.8.8']", { confidence: 100 }),
      indicator(id(2), "[ipv4-addr:value = '203.0.113.77']", { confidence: 100 }),
      group,
      bank,
      rel(1, id(1), GROUP, 'indicates'),
      rel(2, id(2), GROUP, 'indicates'),
      rel(3, GROUP, SECTOR, 'targets'),
    ];
    for (const source of ['feed-a', 'feed-b', 'feed-c']) await feed(source, 'A', reported);
    await feed('old-feed', 'C', [indicator(id(3), "[domain-name:value = 'old.example.org']")], 200);
    await feed('fresh-feed', 'C', [indicator(id(4), "[ipv4-addr:value = '198.51.100.9']")], 40);
    await store.db
      .insertInto('warninglist_hits')
      .values({ value: '8.8.8.8', kind: 'ipv4', list_name: 'public-dns-v4', category: 'known' })
      .execute();
  });
  afterAll(async () => {
    await store.close();
    await testDb.drop();
  });

  it('a value on a warninglist scores low whatever feeds report it, and the factors say why', async () => {
    const benign = await score(id(1));
    const twin = await score(id(2));
    expect(factor(twin, 'sources').detail).toMatch(/^3 source/);
    expect(twin.score).toBeGreaterThan(80);
    expect(factor(benign, 'sources').contribution).toBe(factor(twin, 'sources').contribution);
    expect(benign.score).toBeLessThanOrEqual(BENIGN_CAP);
    expect(factor(benign, 'benign')).toMatchObject({
      value: 1,
      detail: expect.stringContaining('public-dns-v4 (known)'),
    });
    expect(factor(benign, 'benign').contribution).toBeLessThan(0);
    expect(benign.cap).toMatch(/known-benign/);
  });

  it('links to actors and targeting of the org sectors count, and every factor has its share', async () => {
    const r = await score(id(2));
    expect(factor(r, 'actors')).toMatchObject({ value: 1, detail: 'linked to Test Group' });
    expect(factor(r, 'targeting').detail).toContain('sector financial-services');
    expect(factor(r, 'targeting').contribution).toBeGreaterThan(0);
    const shares = r.factors.reduce((n, f) => n + Math.abs(f.share), 0);
    expect(shares).toBeCloseTo(1, 2);
    const alone = (
      await scoreObjects(store, LOCAL_OPERATOR, [id(2)], { settings: DEFAULT_SETTINGS, now: NOW })
    )[0]!;
    expect(factor(alone, 'targeting').value).toBe(0);
    expect(alone.score).toBeLessThan(r.score);
  });

  it('age decays a score by kind; an old domain is decayed and the store query lists it', async () => {
    const old = await score(id(3));
    expect(old.decay).toMatchObject({ lifetimeDays: 300 });
    expect(old.decay.ageDays).toBe(200);
    expect(old.score).toBeLessThan(old.base);
    expect(Date.parse(old.decaysAt!)).toBeLessThan(NOW.getTime());
    expect(await decayedObjectIds(store, { now: NOW.toISOString(), limit: 10 })).toContain(id(3));
    const found = await lookup(store, LOCAL_OPERATOR, 'old.example.org');
    expect(found.matches[0]!.score).toMatchObject({ value: old.score, decayed: true, modelVersion: 0 });
  });

  it('a sighting raises the score and restarts its decay', async () => {
    const before = await score(id(4));
    expect(before.decay.ageDays).toBe(40);
    const [after] = await recordSighting(store, LOCAL_OPERATOR, {
      input: '198.51.100[.]9',
      count: 3,
      settings,
      now: NOW,
    });
    expect(after!.decay.t0).toBe(NOW.toISOString());
    expect(after!.decay.ageDays).toBe(0);
    expect(factor(after!, 'sightings')).toMatchObject({ detail: expect.stringMatching(/^3 sighting/) });
    expect(after!.base).toBeGreaterThan(before.base);
    expect(after!.score).toBeGreaterThan(before.score);
  });

  it('imported STIX sightings count too', async () => {
    const sighting = {
      type: 'sighting',
      spec_version: '2.1',
      id: 'sighting--00000000-0000-4000-8000-0000000000c1',
      created: '2026-05-31T00:00:00Z',
      modified: '2026-05-31T00:00:00Z',
      sighting_of_ref: id(2),
      count: 5,
      last_seen: '2026-05-31T12:00:00Z',
    };
    const before = await score(id(2));
    await feed('siem', 'A', [sighting], 0);
    const after = await score(id(2));
    expect(factor(after, 'sightings').detail).toBe('5 sighting(s), last 2026-05-31T12:00:00Z');
    expect(after.base).toBeGreaterThan(before.base);
  });

  it('sightings and verdicts of unknown values are refused', async () => {
    await expect(
      recordSighting(store, LOCAL_OPERATOR, { input: '192.0.2.200', count: 1, settings, now: NOW }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      recordSighting(store, LOCAL_OPERATOR, { input: '8.8.8.8', count: 0, settings, now: NOW }),
    ).rejects.toMatchObject({ code: 'USAGE' });
  });
});
