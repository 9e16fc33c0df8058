/**
 * Matches a threat id against a key that may hold `*` wildcards (any run of characters), as
 * Threagile's risk tracking allows. Linear scan, no regular expression built from input.
 */
export function matchesPattern(pattern: string, id: string): boolean {
  if (!pattern.includes('*')) return pattern === id;
  const parts = pattern.split('*');
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (!id.startsWith(first) || id.length < first.length + last.length || !id.endsWith(last)) return false;
  let at = first.length;
  const end = id.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = id.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** Index of exact keys plus a list of wildcard keys, so exact lookups stay O(1). */
export class PatternIndex<T> {
  readonly #exact = new Map<string, T[]>();
  readonly #wild: [string, T][] = [];
  readonly #used = new Set<string>();

  add(key: string, value: T): void {
    if (key.includes('*')) this.#wild.push([key, value]);
    else this.#exact.set(key, [...(this.#exact.get(key) ?? []), value]);
  }

  /** Values whose key matches `id`, exact keys first. */
  lookup(id: string): T[] {
    const out = [...(this.#exact.get(id) ?? [])];
    if (out.length > 0) this.#used.add(id);
    for (const [key, value] of this.#wild) {
      if (matchesPattern(key, id)) {
        out.push(value);
        this.#used.add(key);
      }
    }
    return out;
  }

  unusedKeys(): string[] {
    return [...new Set([...this.#exact.keys(), ...this.#wild.map(([k]) => k)])].filter(
      (k) => !this.#used.has(k),
    );
  }
}
