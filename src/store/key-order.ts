/**
 * Orders keys by code unit, as `<` does (not by locale): the order ingest writers sort rows in
 * before writing them, for page locality (SQLite) and one lock order among writers (PostgreSQL).
 */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
