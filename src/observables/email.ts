import { canonicalHost, type HostResult } from './host.ts';
import type { ObservableFlag } from './types.ts';

// RFC 5322 §3.2.3 dot-atom; quoted local parts are not accepted.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

export interface EmailResult {
  value: string;
  flags: ObservableFlag[];
  host: HostResult;
}

/**
 * E-mail canonical form: the local part as written (its case may matter to the receiving
 * server, RFC 5321 §2.4), the domain canonicalized as a domain. A `mailto:` prefix is dropped;
 * IP-literal domains (`user@[1.2.3.4]`) are not accepted.
 */
export function parseEmail(raw: string): EmailResult | null {
  const text = raw.toLowerCase().startsWith('mailto:') ? raw.slice(7) : raw;
  const at = text.lastIndexOf('@');
  if (at < 1 || at > 64) return null;
  const local = text.slice(0, at);
  if (!LOCAL.test(local)) return null;
  const host = canonicalHost(text.slice(at + 1));
  if (!host || host.flags.includes('ip-host')) return null;
  return { value: `${local}@${host.host}`, flags: host.flags, host };
}
