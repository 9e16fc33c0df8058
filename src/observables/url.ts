import { canonicalHost, type HostResult } from './host.ts';
import { normalizePercent } from './percent.ts';
import type { ObservableFlag } from './types.ts';

const SCHEME = /^[a-z][a-z0-9+.-]{0,31}:\/\//i;
const SPECIAL = new Set(['http:', 'https:', 'ftp:', 'ws:', 'wss:']);

export interface UrlOptions {
  /** Read a value without `scheme://` as `http://…` (feeds often list `host/path`). */
  assumeHttp?: boolean;
}

export interface UrlResult {
  value: string;
  flags: ObservableFlag[];
  host: HostResult;
}

function hostOf(u: URL): HostResult | null {
  if (SPECIAL.has(u.protocol)) return canonicalHost(u.hostname);
  // Other schemes (ldap:, rmi:, …) keep an opaque, percent-encoded host: decode and check it.
  try {
    return canonicalHost(decodeURIComponent(u.hostname));
  } catch {
    return null;
  }
}

/**
 * URL canonical form, WHATWG URL parsing plus RFC 3986 §6.2.2: lower-case scheme and host,
 * IDN host to punycode, IPv6 host per RFC 5952, default port dropped, dot segments resolved,
 * percent-encoding normalized in path and query, empty path → `/`, empty query dropped. The
 * fragment is dropped: it never reaches the server, so it does not name another resource.
 * User info is kept. Hosts must be an IP literal or a valid domain (single-label hosts such as
 * `localhost` are rejected).
 */
export function parseUrl(raw: string, opts: UrlOptions = {}): UrlResult | null {
  let text = raw;
  if (!SCHEME.test(text)) {
    if (!opts.assumeHttp || text.includes('://')) return null;
    text = `http://${text}`;
  }
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return null;
  }
  if (u.hostname === '') return null;
  const host = hostOf(u);
  if (!host) return null;
  const user = u.username ? `${u.username}${u.password ? `:${u.password}` : ''}@` : '';
  const port = u.port ? `:${u.port}` : '';
  const path = normalizePercent(u.pathname || '/');
  const value = `${u.protocol}//${user}${host.host}${port}${path}${normalizePercent(u.search)}`;
  return { value, flags: host.flags, host };
}
