import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { FEATURES, type FeatureVector } from '../../src/score/features.ts';
import { activeModel } from '../../src/score/recompute.ts';
import { DEFAULT_SETTINGS } from '../../src/score/settings.ts';
import { trainScoreModel } from '../../src/score/train.ts';
import { recordVerdict } from '../../src/score/verdict.ts';
import { getScores } from '../../src/store/scores-repo.ts';
import type { Store } from '../../src/store/store.ts';
import { addVerdict } from '../../src/store/verdicts-repo.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { indicator, stixRecords } from '../intel/records.ts';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const IND = 'indicator--00000000-0000-4000-8000-0000000000d1';

/** Deterministic noise, so the synthetic set is the same on every run. */
function noise(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
}

/** Verdicts whose class a few features decide (true positives: more sources, sightings, actors). */
function separable(n: number): { verdict: 'tp' | 'fp'; features: FeatureVector }[] {
  const r = noise(42);
  return Array.from({ length: n }, (_, i) => {
    const tp = i % 2 === 0;
    const features = Object.fromEntries(FEATURES.map((f) => [f, r() * 0.3])) as FeatureVector;
    features.sources += tp ? 2 : 0.5;
    features.sightings += tp ? 1.5 : 0;
    features.benign = tp ? 0 : r() > 0 ? 1 : 0;
    return { verdict: tp ? 'tp' : 'fp', features };
  });
}

describe.each(DIALECTS)('learning from analyst verdicts (%s)', (dialect) => {
  const testDb = freshDb(dialect);
  let store: Store;
  const train = () => trainScoreModel(store, LOCAL_OPERATOR, { settings: DEFAULT_SETTINGS, now: NOW });

  beforeAll(async () => {
    store = await testDb.open();
    await ingest({
      store,
      records: stixRecords([indicator(IND, "[domain-name:value = 'verdict.example.net']")]),
      format: 'stix',
      sourceName: 'f',
      reliability: 'B',
    });
  });
  afterAll(async () => {
    await store.close();
    await testDb.drop();
  });

  it('verdicts on unknown values are refused and record nothing', async () => {
    await expect(
      recordVerdict(store, LOCAL_OPERATOR, {
        input: 'never-seen.example.com',
        verdict: 'tp',
        settings: DEFAULT_SETTINGS,
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      recordVerdict(store, LOCAL_OPERATOR, {
        input: 'indicator--00000000-0000-4000-8000-0000000000ff',
        verdict: 'fp',
        settings: DEFAULT_SETTINGS,
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await store.db.selectFrom('verdicts').selectAll().execute()).toEqual([]);
  });

  it('training on a single class is a clear error, and so is too few verdicts', async () => {
    const r = await recordVerdict(store, LOCAL_OPERATOR, {
      input: 'VERDICT.example.net.',
      verdict: 'tp',
      note: 'seen in phishing',
      settings: DEFAULT_SETTINGS,
      now: NOW,
    });
    expect(r.objectIds).toEqual([IND]);
    await expect(train()).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('1 tp and 0 fp'),
    });
    await addVerdict(store, {
      objectId: 'indicator--x',
      verdict: 'fp',
      note: null,
      features: {},
      created: NOW.toISOString(),
    });
    await expect(train()).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('at least'),
    });
    expect(await activeModel(store)).toMatchObject({ version: 0 });
  });

  it('a separable set trains to a cross-validated AUC above 0.9, kept as a version, and rescores', async () => {
    for (const [i, v] of separable(60).entries())
      await addVerdict(store, {
        objectId: `indicator--synthetic-${i}`,
        ...v,
        note: null,
        created: NOW.toISOString(),
      });
    const result = await train();
    expect(result.version).toBe(1);
    expect(result.auc).toBeGreaterThan(0.9);
    expect(result.calibration.reduce((n, b) => n + b.count, 0)).toBe(result.verdicts.tp + result.verdicts.fp);
    expect(result.weights.sources).toBeGreaterThan(0);
    expect(result.rescored).toBe(1);
    const stored = await getScores(store, LOCAL_OPERATOR, [IND]);
    expect(stored.get(IND)!.modelVersion).toBe(1);
    expect((await train()).version).toBe(2);
    expect(await activeModel(store)).toMatchObject({ version: 2 });
  });
});
