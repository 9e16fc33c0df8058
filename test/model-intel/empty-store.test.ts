import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { analyzeModel } from '../../src/threatmodel/engine/analyze.ts';
import { analyzeWithIntel, buildIntelEvidence } from '../../src/threatmodel/evidence/index.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { financeWebModel } from './fixtures.ts';

describe.each(DIALECTS)('an empty store (%s)', (dialect) => {
  const testDb = freshDb(dialect);
  const model = financeWebModel();
  const asOf = new Date('2026-06-01T00:00:00Z');
  let store: Store;
  beforeAll(async () => {
    store = await testDb.open();
  });
  afterAll(async () => {
    await store.close();
    await testDb.drop();
  });

  it('gives exactly the plain analysis, and no suggestions', async () => {
    const { analysis } = await analyzeWithIntel(store, LOCAL_OPERATOR, model, { asOf });
    const { suggestions, ...rest } = analysis;
    expect(suggestions).toEqual([]);
    expect(rest).toEqual(analyzeModel(model, { asOf }));
    const evidence = await buildIntelEvidence(store, LOCAL_OPERATOR, model);
    expect(analyzeModel(model, { asOf, evidence })).toEqual(analyzeModel(model, { asOf }));
  });
});
