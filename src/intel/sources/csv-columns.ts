import { AppError } from '../../core/errors.ts';
import { parseObservable, type ObservableKind } from '../../observables/index.ts';

export type ColumnRole =
  'value' | 'kind' | 'labels' | 'description' | 'first_seen' | 'last_seen' | 'confidence' | 'ignore';

/** How columns are read, keyed by header name (case-insensitive) or 1-based column number. */
export interface ColumnOptions {
  columns?: Record<string, ColumnRole>;
  /** The kind of every value column, or per column (same keys as `columns`). */
  kind?: ObservableKind | Record<string, ObservableKind>;
}

/**
 * The resolved reading of a row. `roles` undefined means every cell is tried as a value; a
 * value cell's kind is its column's kind, else `defaultKind`, else detected.
 */
export interface Layout {
  roles: ColumnRole[] | undefined;
  kinds: (ObservableKind | undefined)[];
  defaultKind: ObservableKind | undefined;
}

function normalize(name: string): string {
  return name.trim().replace(/^"|"$/g, '').trim().toLowerCase();
}

/** A header row: no cell is an observable and some cell has a letter (`ioc_value`, `DstIP`). */
export function looksLikeHeader(cells: readonly string[]): boolean {
  return (
    cells.some((c) => /[a-z]/i.test(c)) &&
    cells.every((c) => c.trim() === '' || parseObservable(c.trim()) === null)
  );
}

function columnIndex(key: string, header: readonly string[] | undefined, source: string): number {
  if (/^\d+$/.test(key) && Number(key) >= 1) return Number(key) - 1;
  const i = header?.findIndex((h) => normalize(h) === normalize(key)) ?? -1;
  if (i < 0) {
    const known = header
      ? `; the header has ${header.map((h) => normalize(h)).join(', ')}`
      : '; the input has no header row';
    throw new AppError('USAGE', `column "${key}" not found${known}`, { file: source });
  }
  return i;
}

/** Applies the column options to a header (when there is one). Throws when a named column is missing. */
export function buildLayout(
  opts: ColumnOptions,
  header: readonly string[] | undefined,
  source: string,
): Layout {
  const defaultKind = typeof opts.kind === 'string' ? opts.kind : undefined;
  const kinds: (ObservableKind | undefined)[] = [];
  if (typeof opts.kind === 'object')
    for (const [key, kind] of Object.entries(opts.kind)) kinds[columnIndex(key, header, source)] = kind;
  if (!opts.columns) return { roles: undefined, kinds, defaultKind };
  const roles: ColumnRole[] = [];
  for (const [key, role] of Object.entries(opts.columns)) roles[columnIndex(key, header, source)] = role;
  if (!roles.includes('value'))
    throw new AppError('USAGE', 'the column mapping names no value column', { file: source });
  return { roles, kinds, defaultKind };
}

/** The header names the mapping refers to (empty when it uses column numbers only). */
export function namedColumns(opts: ColumnOptions): string[] {
  const keys = [
    ...Object.keys(opts.columns ?? {}),
    ...(typeof opts.kind === 'object' ? Object.keys(opts.kind) : []),
  ];
  return keys.filter((k) => !/^\d+$/.test(k)).map(normalize);
}

/** Whether a row holds every one of the names. */
export function hasNames(cells: readonly string[], names: readonly string[]): boolean {
  const present = new Set(cells.map(normalize));
  return names.every((n) => present.has(n));
}
