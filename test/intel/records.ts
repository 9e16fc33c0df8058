import type { SourceRecord } from '../../src/intel/source.ts';

/** STIX objects as the records a bundle source would yield, for pipeline tests. */
export async function* stixRecords(objects: unknown[]): AsyncGenerator<SourceRecord> {
  for (const [index, object] of objects.entries()) {
    yield { kind: 'stix', object, location: { index, path: `$.objects[${index}]` } };
  }
  await Promise.resolve();
}

/** Indicator values as a list source would yield them, one per line. */
export async function* valueRecords(values: string[]): AsyncGenerator<SourceRecord> {
  for (const [i, value] of values.entries()) {
    yield { kind: 'observable', value, location: { line: i + 1, path: `line ${i + 1}` } };
  }
  await Promise.resolve();
}

export function indicator(
  id: string,
  pattern: string,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    pattern,
    pattern_type: 'stix',
    valid_from: '2026-01-01T00:00:00Z',
    ...over,
  };
}
