import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import type { NormalizedBatch } from '../../src/intel/ingest/normalize-batches.ts';
import { normalizeInWorker } from '../../src/intel/ingest/worker-batches.ts';
import { useGeneratedBundle } from './generated-bundle.ts';

const COUNT = 1234;

/** All batches of one worker run over the bundle, the worker stopped afterwards. */
async function readAll(location: string, batchSize: number): Promise<NormalizedBatch[]> {
  const work = normalizeInWorker({
    format: 'stix',
    settings: {},
    location,
    limits: DEFAULT_LIMITS,
    context: { now: '2026-11-27T00:00:00.000Z' },
    batchSize,
    maxInFlight: 2,
  });
  const batches: NormalizedBatch[] = [];
  try {
    for await (const b of work.batches) batches.push(b);
  } finally {
    await work.close();
  }
  return batches;
}

describe('the normalize worker', () => {
  const bundle = useGeneratedBundle(COUNT);

  // The worker posts a batch in parts of a fixed size; batch sizes below, equal to and above a
  // part, and ones that do not divide it, must come back whole and in input order.
  it.each([100, 250, 300, 5000])('yields batches of %i items, every item once, in order', async (size) => {
    const batches = await readAll(bundle(), size);
    const full = Math.floor(COUNT / size);
    const sizes = [...Array<number>(full).fill(size), ...(COUNT % size ? [COUNT % size] : [])];
    expect(batches.map((b) => b.length)).toEqual(sizes);
    const items = batches.flat();
    expect(items.every((i) => i.ok)).toBe(true);
    expect(items.map((i) => i.location.index)).toEqual([...Array(COUNT).keys()]);
    expect(new Set(items.map((i) => i.ok && i.id)).size).toBe(COUNT);
  });
});
