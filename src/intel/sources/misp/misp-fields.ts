/** Readers for the loosely typed fields of MISP JSON (PyMISP writes integers as strings). */

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** MISP booleans: `true`, `1`, `"1"`, `"true"`. */
export function flag(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 'true';
}

/** Unix seconds (number or numeric string) as a STIX timestamp; undefined when not one. */
export function unixTime(v: unknown): string | undefined {
  const s = str(v);
  if (s === undefined || !/^\d{1,12}$/.test(s)) return undefined;
  return new Date(Number(s) * 1000).toISOString();
}

/** An ISO date or date-time (MISP `date`, `first_seen`) as a STIX timestamp; undefined when unreadable. */
export function isoTime(v: unknown): string | undefined {
  const s = str(v);
  if (s === undefined || !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return undefined;
  const ms = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s.replace(' ', 'T'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}
