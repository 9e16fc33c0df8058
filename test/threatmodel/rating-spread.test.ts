import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/threatmodel/engine/analysis.ts';
import { exampleModels } from '../formats/example-models.ts';
import { corporaPresent } from '../corpora.ts';
import { DEMO, WEBSHOP, analyzeFile, bandShares } from './fixture-analyses.ts';

/** A register prioritizes when no band holds most of the threats and at least three bands are used. */
function expectSpread(analysis: Analysis, maxShare: number) {
  const shares = bandShares(analysis);
  expect(Object.keys(shares).length).toBeGreaterThanOrEqual(3);
  for (const [band, share] of Object.entries(shares))
    expect({ band, share: share <= maxShare }).toEqual({ band, share: true });
}

describe('inherent risk bands spread', () => {
  it.each([
    ['the banking demo', DEMO],
    ['the web shop', WEBSHOP],
  ])('on %s', async (_name, file) => {
    expectSpread(await analyzeFile(file), 0.5);
  });
});

describe.skipIf(!corporaPresent)('inherent risk bands on the real example models', () => {
  const models = exampleModels((file) => readFileSync(file, 'utf8').slice(0, 4096));

  it('spread over the whole corpus', async () => {
    const counts: Record<string, number> = {};
    let total = 0;
    for (const m of models) {
      for (const t of (await analyzeFile(m.file)).threats.filter((x) => x.source === 'engine')) {
        counts[t.risk.inherent.band] = (counts[t.risk.inherent.band] ?? 0) + 1;
        total++;
      }
    }
    expect(total).toBeGreaterThan(1000);
    expect(Object.keys(counts).length).toBe(4);
    expect(Math.max(...Object.values(counts)) / total).toBeLessThanOrEqual(0.5);
  });

  it('spread on the Threagile example, whose assets carry real C/I/A ratings', async () => {
    const example = models.find((m) => m.name === 'threagile/demo/example/threagile.yaml');
    expect(example).toBeDefined();
    expectSpread(await analyzeFile(example!.file), 0.5);
  });
});
