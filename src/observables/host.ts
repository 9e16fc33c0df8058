import { canonicalDomain } from './domain.ts';
import { parseIpv4 } from './ipv4.ts';
import { formatIpv6, ipv6Groups, ipv6RangeFlag } from './ipv6.ts';
import type { ObservableFlag } from './types.ts';

export interface HostResult {
  host: string;
  flags: ObservableFlag[];
  /** An IP literal, or a domain with an ICANN or special-use suffix. */
  knownSuffix: boolean;
  /** The last label of a domain host; empty for IP literals. */
  tld: string;
}

/** The host of a URL or e-mail: `[IPv6]`, a dotted-quad IPv4 or a domain, canonicalized. */
export function canonicalHost(host: string): HostResult | null {
  if (host.startsWith('[') && host.endsWith(']')) {
    const g = ipv6Groups(host.slice(1, -1));
    if (!g) return null;
    const flag = ipv6RangeFlag(g);
    return {
      host: `[${formatIpv6(g)}]`,
      flags: flag ? ['ip-host', flag] : ['ip-host'],
      knownSuffix: true,
      tld: '',
    };
  }
  const v4 = parseIpv4(host);
  if (v4) return { host: v4.value, flags: ['ip-host', ...v4.flags], knownSuffix: true, tld: '' };
  const d = canonicalDomain(host);
  return d && { host: d.value, flags: d.flags, knownSuffix: d.knownSuffix, tld: d.tld };
}
