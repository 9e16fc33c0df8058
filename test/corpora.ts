import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared corpora of real public data. Tests read them in place (never copied into the
 * repository); THREATLOOM_CORPORA overrides the default location beside the repository.
 */
export const CORPORA_DIR = resolve(
  process.env.THREATLOOM_CORPORA ?? join(import.meta.dirname, '..', '..', 'shared', 'corpora'),
);

export const corporaPresent = existsSync(CORPORA_DIR);

// THREATLOOM_REQUIRE_CORPORA (set by CI) turns their absence into a failure, not a skip.
if (!corporaPresent && process.env.THREATLOOM_REQUIRE_CORPORA) {
  throw new Error(`THREATLOOM_REQUIRE_CORPORA is set but the corpora are not at ${CORPORA_DIR}`);
}
if (!corporaPresent) {
  console.warn(`corpora not found at ${CORPORA_DIR}: tests on real data are skipped`);
}

export function corpus(...parts: string[]): string {
  return join(CORPORA_DIR, ...parts);
}

/**
 * The entries of a corpus folder, listed while tests are collected; none where the corpora
 * are absent (the suites that use them are skipped then, but their tables are still built).
 */
export function corpusEntries(...parts: string[]): string[] {
  return corporaPresent ? readdirSync(corpus(...parts)) : [];
}
