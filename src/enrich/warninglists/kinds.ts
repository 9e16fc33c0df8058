import type { ObservableKind } from '../../observables/index.ts';

/**
 * The MISP attribute types a value of each observable kind can be stored as. A list applies to
 * a kind when its `matching_attributes` name one of them, or when it names none (MISP: absent
 * means every type). Composite types (`domain|ip`, `filename|md5`) apply to both their parts.
 */
const MISP_TYPES: Record<ObservableKind, readonly string[]> = {
  ipv4: ['ip-src', 'ip-dst', 'ip-src|port', 'ip-dst|port', 'domain|ip'],
  ipv6: ['ip-src', 'ip-dst', 'ip-src|port', 'ip-dst|port', 'domain|ip'],
  cidr4: ['ip-src', 'ip-dst'],
  cidr6: ['ip-src', 'ip-dst'],
  domain: ['domain', 'hostname', 'domain|ip', 'hostname|port'],
  url: ['url', 'uri', 'link'],
  email: [
    'email',
    'email-src',
    'email-dst',
    'target-email',
    'whois-registrant-email',
    'dns-soa-email',
    'email-reply-to',
  ],
  md5: ['md5', 'filename|md5', 'malware-sample', 'x509-fingerprint-md5'],
  sha1: ['sha1', 'filename|sha1', 'x509-fingerprint-sha1'],
  sha256: ['sha256', 'filename|sha256', 'x509-fingerprint-sha256'],
  sha512: ['sha512', 'filename|sha512'],
  asn: ['AS'],
  cve: ['vulnerability'],
};

export const KINDS = Object.keys(MISP_TYPES) as ObservableKind[];

/** Whether a list with these matching attributes applies to values of `kind`. */
export function listApplies(matchingAttributes: readonly string[] | null, kind: ObservableKind): boolean {
  if (matchingAttributes === null || matchingAttributes.length === 0) return true;
  return MISP_TYPES[kind].some((t) => matchingAttributes.includes(t));
}
