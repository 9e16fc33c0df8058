import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { writeBundle } from '../../bench/generate.ts';

/**
 * A bundle of `count` generated indicators (distinct random ids) in a temporary folder, written
 * before the file's tests and removed after them; returns its path.
 */
export function useGeneratedBundle(count: number): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'threatloom-bundle-'));
    await writeBundle(join(dir, 'bundle.json'), count);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => join(dir!, 'bundle.json');
}
