import type { ObservableKind } from '../../../observables/index.ts';

/** What one `|`-separated part of a MISP attribute value is: an observable kind, any IP, or nothing to index. */
export type PartKind = ObservableKind | 'ip' | null;

/**
 * MISP attribute types that carry indicator values, part by part (composite types are
 * `a|b`), after misp-stix's MISP → STIX 2.1 mapping: ip-src/ip-dst are IPv4 or IPv6
 * addresses or CIDR blocks, hostname is a domain name, link and uri are URLs, AS is an
 * autonomous system, vulnerability is a CVE. File names, ports and other parts are context.
 */
export const MISP_TYPE_PARTS: Readonly<Record<string, readonly PartKind[]>> = {
  'ip-src': ['ip'],
  'ip-dst': ['ip'],
  'ip-src|port': ['ip', null],
  'ip-dst|port': ['ip', null],
  domain: ['domain'],
  hostname: ['domain'],
  'hostname|port': ['domain', null],
  'domain|ip': ['domain', 'ip'],
  url: ['url'],
  uri: ['url'],
  link: ['url'],
  md5: ['md5'],
  sha1: ['sha1'],
  sha256: ['sha256'],
  sha512: ['sha512'],
  'filename|md5': [null, 'md5'],
  'filename|sha1': [null, 'sha1'],
  'filename|sha256': [null, 'sha256'],
  'filename|sha512': [null, 'sha512'],
  'malware-sample': [null, 'md5'],
  email: ['email'],
  'email-src': ['email'],
  'email-dst': ['email'],
  'email-reply-to': ['email'],
  'whois-registrant-email': ['email'],
  AS: ['asn'],
  vulnerability: ['cve'],
};

export const IP_KINDS: ReadonlySet<ObservableKind> = new Set(['ipv4', 'ipv6', 'cidr4', 'cidr6']);
