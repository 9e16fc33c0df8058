/** The kinds of observable Threatloom recognizes, one canonical form each. */
export type ObservableKind =
  | 'ipv4'
  | 'ipv6'
  | 'cidr4'
  | 'cidr6'
  | 'domain'
  | 'url'
  | 'email'
  | 'md5'
  | 'sha1'
  | 'sha256'
  | 'sha512'
  | 'asn'
  | 'cve';

export const OBSERVABLE_KINDS: readonly ObservableKind[] = [
  'ipv4',
  'ipv6',
  'cidr4',
  'cidr6',
  'domain',
  'url',
  'email',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'asn',
  'cve',
];

/**
 * Facts about a value that scoring and known-benign checks use. Flags never cause a value to be
 * dropped; they only describe it.
 *
 * - `private`: RFC 1918 IPv4, fc00::/7 (ULA), 64:ff9b:1::/48; private-use names (`.internal`,
 *   `.home.arpa`, `.lan`, `.corp`, `.home`, `.intranet`, `.private`); private-use ASNs (RFC 6996).
 * - `loopback`: 127.0.0.0/8, ::1.
 * - `link-local`: 169.254.0.0/16, fe80::/10, mDNS `.local` names.
 * - `reserved`: 0.0.0.0/8 (but 0.0.0.0 itself), 192.0.0.0/24, 192.88.99.0/24, 198.18.0.0/15
 *   (benchmarking), 240.0.0.0/4 and 255.255.255.255; IPv6 outside 2000::/3 not otherwise
 *   flagged, 100::/64, fec0::/10; reserved ASNs (0, 23456, 65535, 65552–131071, 4294967295).
 * - `documentation`: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20,
 *   example.com/.net/.org and their subdomains, `.test`, `.example`, `.invalid`, `.localhost`
 *   names, ASNs 64496–64511 and 65536–65551 (RFC 5398).
 * - `multicast`: 224.0.0.0/4, ff00::/8.
 * - `unspecified`: 0.0.0.0, ::.
 * - `cgnat`: 100.64.0.0/10 (RFC 6598).
 * - `unknown-tld`: a domain (or a URL or e-mail whose domain) has no ICANN public suffix and is
 *   no special-use name above; accepted only when the caller named the kind.
 * - `idn`: the domain (or URL host, e-mail domain) has an internationalized label (`xn--`).
 * - `defanged`: the raw text was defanged (`hxxp`, `[.]`, …) and refanged to read it.
 * - `ip-host`: a URL or e-mail whose host is an IP literal; the IP's own flags are added too.
 *
 * A CIDR carries a range flag only when the whole block lies inside that range.
 */
export type ObservableFlag =
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'reserved'
  | 'documentation'
  | 'multicast'
  | 'unspecified'
  | 'cgnat'
  | 'unknown-tld'
  | 'idn'
  | 'defanged'
  | 'ip-host';

export interface Observable {
  kind: ObservableKind;
  /** The canonical value: two spellings of one value give the same string. */
  value: string;
  flags: ObservableFlag[];
}
