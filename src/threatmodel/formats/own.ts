/** `table[key]` for lookup tables keyed by untrusted text, never reaching Object.prototype. */
export function own<T>(table: Record<string, T>, key: string | undefined): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
