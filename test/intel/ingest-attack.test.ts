import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { createStixSource } from '../../src/intel/sources/stix.ts';
import { countByType } from '../../src/store/objects-repo.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { DIALECTS, freshDb } from '../dialects.ts';

const BUNDLES = [
  ['Enterprise', corpus('attack', 'enterprise-attack.json')],
  ['ICS', corpus('attack-ics', 'ics-attack-18.1.json')],
] as const;
const CASES = BUNDLES.flatMap(([name, file]) => DIALECTS.map((dialect) => [name, file, dialect] as const));

/** Counts by type read straight from the file, independently of the reader under test. */
function countsInFile(file: string): Record<string, number> {
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as { objects: { type: string }[] };
  const counts: Record<string, number> = {};
  for (const o of bundle.objects) counts[o.type] = (counts[o.type] ?? 0) + 1;
  return counts;
}

describe.skipIf(!corporaPresent).each(CASES)('ATT&CK %s (%s) on %s', (_name, file, dialect) => {
  const testDb = freshDb(dialect);
  afterAll(() => testDb.drop());

  const run = async () => {
    const store = await testDb.open();
    try {
      const result = await ingest({
        store,
        records: createStixSource().read({ location: file, limits: DEFAULT_LIMITS }),
        format: 'stix',
        sourceName: 'mitre-attack',
        reliability: 'A',
      });
      return { result, stats: await countByType(store, LOCAL_OPERATOR) };
    } finally {
      await store.close();
    }
  };

  it('ingests every object, then finds every object unchanged the second time', async () => {
    const expected = countsInFile(file);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);

    const first = await run();
    expect(first.result.rejected).toEqual([]);
    expect(first.result.counts).toMatchObject({ received: total, created: total, updated: 0, rejected: 0 });
    expect(first.stats).toEqual(expected);

    const second = await run();
    expect(second.result.counts).toMatchObject({
      received: total,
      created: 0,
      updated: 0,
      unchanged: total,
      rejected: 0,
    });
    expect(second.stats).toEqual(expected);
  });
});
