import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corporaPresent, corpus, corpusEntries } from '../../test/corpora.ts';
import { DEFAULT_LIMITS } from '../core/limits.ts';
import { readBundle } from './bundle-reader.ts';

/** Feeds `bytes` in chunks whose sizes cycle through `sizes`. */
function* chunks(bytes: Buffer, sizes: number[]): Generator<Buffer> {
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function objectsOf(bytes: Buffer, sizes: number[]): Promise<unknown[]> {
  const objects: unknown[] = [];
  for await (const item of readBundle(chunks(bytes, sizes), { limits: DEFAULT_LIMITS })) {
    if ('error' in item) throw item.error;
    objects.push(item.object);
  }
  return objects;
}

/** Index of the first object that differs from JSON.parse's, or -1. */
function firstDifference(got: unknown[], expected: unknown[]): number {
  const i = expected.findIndex((o, n) => !isDeepStrictEqual(got[n], o));
  return i >= 0 || got.length === expected.length ? i : expected.length;
}

describe.skipIf(!corporaPresent)('readBundle on real bundles', () => {
  it('streams ATT&CK Enterprise in random chunk sizes to exactly JSON.parse(file).objects', async () => {
    const bytes = readFileSync(corpus('attack', 'enterprise-attack.json'));
    const expected = (JSON.parse(bytes.toString('utf8')) as { objects: unknown[] }).objects;
    expect(expected.length).toBeGreaterThan(20_000);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 256, max: 70_000 }), { minLength: 1, maxLength: 50 }),
        async (sizes) => {
          expect(firstDifference(await objectsOf(bytes, sizes), expected)).toBe(-1);
        },
      ),
      { numRuns: 3 },
    );
  });

  // Read while tests are collected: nothing where the corpora are absent (the suite is skipped).
  const small = (
    corporaPresent
      ? [
          ...corpusEntries('stix21-conformance', 'cti-documentation-examples').map((f) =>
            corpus('stix21-conformance', 'cti-documentation-examples', f),
          ),
          ...corpusEntries('misp', 'misp-stix-tests')
            .filter((f) => f.includes('stix2'))
            .map((f) => corpus('misp', 'misp-stix-tests', f)),
          corpus('misp', 'pymisp-tests', 'stix2.json'),
          corpus('capec', 'stix-capec-2.1.json'),
        ]
      : []
  ).map((file) => ({ file, bytes: readFileSync(file) }));

  it('gives the same objects however STIX 2.0/2.1 bundles are chunked', async () => {
    expect(small.length).toBeGreaterThan(15);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...small.filter((s) => s.bytes.length < 200_000)),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 20 }),
        async ({ bytes }, sizes) => {
          const expected = (JSON.parse(bytes.toString('utf8')) as { objects: unknown[] }).objects;
          expect(firstDifference(await objectsOf(bytes, sizes), expected)).toBe(-1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each(small.map((s) => [s.file.slice(s.file.indexOf('corpora')), s.bytes] as const))(
    'reads %s whole',
    async (_, bytes) => {
      const expected = (JSON.parse(bytes.toString('utf8')) as { objects: unknown[] }).objects;
      expect(firstDifference(await objectsOf(bytes, [65_536]), expected)).toBe(-1);
    },
  );
});
