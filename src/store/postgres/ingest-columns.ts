import type { ObjectRow } from '../ingest-writer.ts';

/** The columns of `objects` that ingest writes, with their PostgreSQL types for `unnest`. */
export const OBJECT_COLUMNS = [
  ['id', 'text'],
  ['type', 'text'],
  ['spec_version', 'text'],
  ['created', 'text'],
  ['modified', 'text'],
  ['modified_key', 'text'],
  ['revoked', 'int'],
  ['confidence', 'int'],
  ['created_by_ref', 'text'],
  ['tlp', 'int'],
  ['name', 'text'],
  ['description', 'text'],
  ['aliases', 'text'],
  ['labels', 'text'],
  ['matchable', 'int'],
  ['json', 'text'],
] as const satisfies readonly (readonly [keyof ObjectRow, string])[];

export const OBJECT_NAMES = OBJECT_COLUMNS.map(([c]) => c);
export const OBSERVABLE_NAMES = ['value', 'kind', 'object_key', 'range_lo', 'range_hi'] as const;
export const RELATIONSHIP_NAMES = ['id', 'source_ref', 'relationship_type', 'target_ref'] as const;
export const PROVENANCE_NAMES = [
  'object_key',
  'source_id',
  'first_seen',
  'last_seen',
  'times_seen',
  'reliability',
  'tlp',
] as const;

/** A row's values in the order of `keys`. */
export function valuesOf<T, K extends keyof T>(row: T, keys: readonly K[]): T[K][] {
  return keys.map((k) => row[k]);
}
