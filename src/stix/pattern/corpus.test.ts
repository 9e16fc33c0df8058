import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corporaPresent, corpus } from '../../../test/corpora.ts';
import { equalityTerms } from './equality-terms.ts';
import { parsePattern } from './parse.ts';
import { serializePattern } from './serialize.ts';

interface Found {
  file: string;
  pattern: string;
}

/** Every STIX-language indicator pattern in the JSON files under `dir`, at any depth. */
function indicatorPatterns(dir: string, found: Found[] = []): Found[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) indicatorPatterns(path, found);
    else if (entry.name.endsWith('.json')) visit(readJson(path), path, found);
  }
  return found;
}

/** The parsed file, or undefined for the deliberately invalid JSON of the validator's tests. */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function visit(value: unknown, file: string, found: Found[]): void {
  if (Array.isArray(value)) for (const v of value) visit(v, file, found);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const stix = o.pattern_type === undefined || o.pattern_type === 'stix';
    if (o.type === 'indicator' && typeof o.pattern === 'string' && stix)
      found.push({ file, pattern: o.pattern });
    for (const v of Object.values(o)) visit(v, file, found);
  }
}

describe.skipIf(!corporaPresent)('indicator patterns of the real corpora', () => {
  const patterns = corporaPresent
    ? ['stix21-conformance', 'misp', 'taxii21'].flatMap((d) => indicatorPatterns(corpus(d)))
    : [];

  it('finds the indicators (STIX conformance examples, MISP export tests, TAXII fixtures)', () => {
    expect(patterns.length).toBeGreaterThan(400);
    expect(new Set(patterns.map((p) => p.file)).size).toBeGreaterThan(20);
  });

  it('parses every one and round-trips it through the serializer', () => {
    const failures = patterns.flatMap(({ file, pattern }) => {
      try {
        const ast = parsePattern(pattern);
        expect(parsePattern(serializePattern(ast))).toEqual(ast);
        return [];
      } catch (e) {
        return [`${file}: ${pattern}: ${String(e)}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it('reduces the single-observable indicators to their terms', () => {
    const terms = patterns.map((p) => equalityTerms(parsePattern(p.pattern)));
    const matchable = terms.filter((t) => t !== null);
    expect(matchable.length).toBeGreaterThan(100);
    expect(matchable.length).toBeLessThan(patterns.length);
    for (const t of matchable) expect(t.length).toBeGreaterThan(0);
  });
});
