/**
 * STIX timestamps (STIX 2.1 §3.2): RFC 3339 in UTC, `Z` required, optional fractional seconds
 * of any precision; `60` is allowed as a leap second, as in the official `timestamp.json`.
 */
export const TIMESTAMP_RE =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?Z$/;

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && TIMESTAMP_RE.test(value);
}

/**
 * Orders two valid STIX timestamps exactly, whatever their fractional precision
 * (`…:00Z` equals `…:00.000Z`); plain string order would get that case wrong.
 */
export function compareTimestamps(a: string, b: string): number {
  const ha = a.slice(0, 19);
  const hb = b.slice(0, 19);
  if (ha !== hb) return ha < hb ? -1 : 1;
  let fa = fraction(a);
  let fb = fraction(b);
  const width = Math.max(fa.length, fb.length);
  fa = fa.padEnd(width, '0');
  fb = fb.padEnd(width, '0');
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

function fraction(ts: string): string {
  return ts.charAt(19) === '.' ? ts.slice(20, -1) : '';
}
