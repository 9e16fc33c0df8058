/**
 * STIX timestamps (STIX 2.1 §3.2): RFC 3339 in UTC, `Z` required, optional fractional seconds
 * of any precision; `60` is allowed as a leap second, as in the official `timestamp.json`.
 */
export const TIMESTAMP_RE =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?Z$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A STIX timestamp of a day that exists (`2016-02-30` and `2023-02-29` do not). */
export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !TIMESTAMP_RE.test(value)) return false;
  const day = Number(value.slice(8, 10));
  if (day <= 28) return true;
  const month = Number(value.slice(5, 7));
  if (day > DAYS_IN_MONTH[month - 1]!) return false;
  if (month !== 2) return true;
  const year = Number(value.slice(0, 4));
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
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
