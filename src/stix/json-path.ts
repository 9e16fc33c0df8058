const PLAIN_KEY_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON path such as `$.external_references[0]['source-name']` for a list of keys. */
export function toJsonPath(path: readonly PropertyKey[], root = '$'): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && PLAIN_KEY_RE.test(key)) out += `.${key}`;
    else out += `['${String(key).replace(/[\\']/g, (c) => `\\${c}`)}']`;
  }
  return out;
}
