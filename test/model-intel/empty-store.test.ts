import { describe, expect, it } from 'vitest';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { analyzeModel } from '../../src/threatmodel/engine/analyze.ts';
import { analyzeWithIntel, buildIntelEvidence } from '../../src/threatmodel/evidence/index.ts';
import { DIALECTS, useFreshStore } from '../dialects.ts';
import { financeWebModel } from './fixtures.ts';

describe.each(DIALECTS)('an empty store (%s)', (dialect) => {
  const store = useFreshStore(dialect);
  const model = financeWebModel();
  const asOf = new Date('2026-06-01T00:00:00Z');

  it('gives exactly the plain analysis, and no suggestions', async () => {
    const { analysis } = await analyzeWithIntel(store(), LOCAL_OPERATOR, model, { asOf });
    const { suggestions, ...rest } = analysis;
    expect(suggestions).toEqual([]);
    expect(rest).toEqual(analyzeModel(model, { asOf }));
    const evidence = await buildIntelEvidence(store(), LOCAL_OPERATOR, model);
    expect(analyzeModel(model, { asOf, evidence })).toEqual(analyzeModel(model, { asOf }));
  });
});
