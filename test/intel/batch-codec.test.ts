import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { packItem, unpackBatch, type PackedBatch } from '../../src/intel/ingest/batch-codec.ts';
import { normalizeRecords, type NormalizedBatch } from '../../src/intel/ingest/normalize-batches.ts';
import { createSource } from '../../src/intel/sources/index.ts';
import { createStixSource } from '../../src/intel/sources/stix.ts';
import type { SourceRecord } from '../../src/intel/source.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { stixRecords } from './records.ts';

async function batchesOf(records: AsyncIterable<SourceRecord>): Promise<NormalizedBatch[]> {
  const out: NormalizedBatch[] = [];
  for await (const b of normalizeRecords(records, { now: '2026-11-01T00:00:00.000Z' }, 500)) out.push(b);
  return out;
}

/** Packed item by item as the worker packs; what it sends crosses a thread by structured cloning, as here. */
function roundTrip(b: NormalizedBatch): NormalizedBatch {
  const packed: PackedBatch = { count: b.length, cells: [] };
  for (const item of b) packItem(packed.cells, item);
  return unpackBatch(structuredClone(packed));
}

describe('the batch codec between the normalize worker and the writer', () => {
  it.skipIf(!corporaPresent)(
    'gives back every item of ATT&CK exactly: rows, relationships, locations',
    async () => {
      const batches = await batchesOf(
        createStixSource().read({
          location: corpus('attack', 'enterprise-attack.json'),
          limits: DEFAULT_LIMITS,
        }),
      );
      expect(batches.flat().filter((i) => i.ok && i.relationships.length > 0).length).toBeGreaterThan(1000);
      for (const b of batches) expect(roundTrip(b)).toStrictEqual(b);
    },
  );

  it('keeps rejects with and without ids, lines and indexes, and observables with ranges', async () => {
    const [batch] = await batchesOf(
      stixRecords([
        { type: 'indicator', id: 'indicator--bad' },
        { no: 'type' },
        {
          type: 'indicator',
          spec_version: '2.1',
          id: 'indicator--9f6c5bd4-3c7c-4d41-8b1a-0e7c4f3f2a11',
          created: '2026-01-01T00:00:00.000Z',
          modified: '2026-01-01T00:00:00.000Z',
          pattern: "[ipv4-addr:value = '198.51.100.0/24'] OR [domain-name:value = 'example.org']",
          pattern_type: 'stix',
          valid_from: '2026-01-01T00:00:00Z',
          description: "it's tab\t, newline\n, émoji 🛰",
          confidence: 0,
        },
      ]),
    );
    const lines = await batchesOf(
      (async function* (): AsyncGenerator<SourceRecord> {
        yield { kind: 'observable', value: 'hxxp://evil[.]example/a', location: { line: 3, path: 'line 3' } };
        yield { kind: 'reject', message: 'line too long', location: { line: 4, path: 'line 4' } };
        await Promise.resolve();
      })(),
    );
    const all = [...batch!, ...lines[0]!];
    expect(all.map((i) => i.ok)).toEqual([false, false, true, true, false]);
    expect(all.some((i) => i.ok && i.observables.some((o) => o.range_lo !== null))).toBe(true);
    expect(roundTrip(all)).toStrictEqual(all);
  });

  it.skipIf(!corporaPresent).each([
    ['csv', corpus('kev', 'known_exploited_vulnerabilities.csv')],
    ['misp', corpus('misp', 'feed-circl-osint-sample')],
  ] as const)('gives back what a %s source yields', async (format, location) => {
    const batches = await batchesOf(createSource(format, {}).read({ location, limits: DEFAULT_LIMITS }));
    expect(batches.flat().length).toBeGreaterThan(100);
    for (const b of batches) expect(roundTrip(b)).toStrictEqual(b);
  });
});
