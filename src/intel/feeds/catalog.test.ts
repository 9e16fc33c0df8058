import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../../../test/sources/read-all.ts';
import { parseFields } from '../sources/csv-fields.ts';
import { createCsvSource } from '../sources/csv.ts';
import { catalogEntrySchema } from './catalog-schema.ts';
import { FEED_CATALOG } from './catalog.ts';

const tmp = mkdtempSync(join(tmpdir(), 'threatloom-catalog-'));
const csvFeeds = FEED_CATALOG.filter((e) => e.format === 'csv');

function headerNames(header: string, delimiter: string): string[] {
  return parseFields(header.replace(/^#\s*/, ''), delimiter).map((h) => h.trim().toLowerCase());
}

describe('feed catalog', () => {
  it.each(FEED_CATALOG.map((e) => [e.name, e]))('%s validates against the catalog schema', (_name, entry) => {
    expect(catalogEntrySchema.safeParse(entry).error).toBeUndefined();
  });

  it('has unique names and URLs, every feed disabled', () => {
    expect(new Set(FEED_CATALOG.map((e) => e.name)).size).toBe(FEED_CATALOG.length);
    expect(new Set(FEED_CATALOG.map((e) => e.url)).size).toBe(FEED_CATALOG.length);
    expect(FEED_CATALOG.every((e) => e.enabled === false)).toBe(true);
  });

  it('rejects an entry with a non-https URL or a CSV feed without a mapping', () => {
    const [stix] = FEED_CATALOG;
    expect(catalogEntrySchema.safeParse({ ...stix, url: 'http://example.com/feed' }).success).toBe(false);
    expect(catalogEntrySchema.safeParse({ ...stix, format: 'csv' }).success).toBe(false);
  });

  it.each(csvFeeds.map((e) => [e.name, e]))(
    '%s maps only columns its documented format has',
    (_name, entry) => {
      const keys = [
        ...Object.keys(entry.csv?.columns ?? {}),
        ...Object.keys(typeof entry.csv?.kind === 'object' ? entry.csv.kind : {}),
      ];
      const delimiter = entry.csv?.delimiter ?? ',';
      const width = parseFields(entry.example!, delimiter).length;
      for (const key of keys) {
        if (/^\d+$/.test(key)) expect(Number(key)).toBeLessThanOrEqual(width);
        else expect(headerNames(entry.header!, delimiter)).toContain(key.toLowerCase());
      }
    },
  );

  it.each(csvFeeds.map((e) => [e.name, e]))(
    '%s reads its documented example line with its mapping',
    async (name, entry) => {
      const file = join(tmp, `${name}.csv`);
      writeFileSync(file, entry.header ? `${entry.header}\n${entry.example}\n` : `${entry.example}\n`);
      const { observables, rejects } = await collect(createCsvSource(entry.csv), file);
      expect(rejects).toEqual([]);
      expect(observables.length).toBeGreaterThan(0);
      if (typeof entry.csv?.kind === 'string')
        expect(observables.every((o) => o.observableKind === entry.csv?.kind)).toBe(true);
    },
  );
});
