/** A hostname list entry as MISP keeps it: lower-cased, leading and trailing dots trimmed. */
export function hostnameEntry(entry: string): string {
  return entry.toLowerCase().replace(/^\.+|\.+$/g, '');
}

/**
 * The host part of a value, as MISP's hostname check takes it: the third `/`-segment when the
 * value has `//` (a URL), else the first; trailing dots trimmed. Unlike MISP, a `:port` and
 * userinfo are dropped too, so that `http://a.example.com:8080/` still names a.example.com.
 */
export function hostOf(value: string): string {
  let host = value;
  if (value.includes('//')) host = value.split('/', 3)[2] ?? '';
  else {
    const slash = value.indexOf('/');
    if (slash >= 0) host = value.slice(0, slash);
  }
  const at = host.lastIndexOf('@');
  if (at >= 0 && value.includes('//')) host = host.slice(at + 1);
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !host.startsWith('[') && /^\d+$/.test(host.slice(colon + 1))) host = host.slice(0, colon);
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 46) end--;
  return end === host.length ? host : host.slice(0, end);
}

/**
 * Calls `visit` with each suffix of `host` on a label boundary, from the TLD upward (`c`,
 * `b.c`, `a.b.c`), until it returns true.
 */
export function someSuffix(host: string, visit: (suffix: string) => boolean): boolean {
  for (let dot = host.length; dot > 0;) {
    dot = host.lastIndexOf('.', dot - 1);
    if (visit(dot < 0 ? host : host.slice(dot + 1))) return true;
    if (dot < 0) break;
  }
  return false;
}
