/**
 * Applies YAML 1.1 merge keys (`<<: *base`, used by Threagile's examples) to a parsed value:
 * the merged map's entries are defaults that the map's own entries override. The value has
 * already passed the depth and alias limits, so the walk is bounded.
 */
export function resolveMergeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveMergeKeys);
  if (typeof value !== 'object' || value === null) return value;
  const own: Record<string, unknown> = {};
  let base: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== '<<') own[key] = resolveMergeKeys(child);
    else
      for (const source of Array.isArray(child) ? child : [child])
        base = { ...(resolveMergeKeys(source) as object), ...base };
  }
  return { ...base, ...own };
}
