import { readFileSync } from 'node:fs';
import type { ObservableRecord } from '../../src/intel/source.ts';

/**
 * An independent count of the indicator values in MISP JSON, for tests: the MISP types
 * whose value (or one part of it) is an IP, domain, URL, e-mail, hash, AS or CVE.
 */
const SINGLE = new Set([
  'ip-src',
  'ip-dst',
  'ip-src|port',
  'ip-dst|port',
  'domain',
  'hostname',
  'hostname|port',
  'url',
  'uri',
  'link',
  'md5',
  'sha1',
  'sha256',
  'sha512',
  'filename|md5',
  'filename|sha1',
  'filename|sha256',
  'filename|sha512',
  'malware-sample',
  'email',
  'email-src',
  'email-dst',
  'email-reply-to',
  'whois-registrant-email',
  'AS',
  'vulnerability',
]);

interface RawAttribute {
  type: string;
  uuid: string;
  deleted?: boolean;
  to_ids?: boolean;
}

interface RawEvent {
  uuid: string;
  Attribute?: RawAttribute[];
  Object?: { Attribute?: RawAttribute[] }[];
}

export function attributesOf(event: RawEvent): RawAttribute[] {
  return [...(event.Attribute ?? []), ...(event.Object ?? []).flatMap((o) => o.Attribute ?? [])].filter(
    (a) => !a.deleted,
  );
}

export function indicatorCount(event: RawEvent): number {
  return attributesOf(event).reduce(
    (n, a) => n + (a.type === 'domain|ip' ? 2 : SINGLE.has(a.type) ? 1 : 0),
    0,
  );
}

export function readEvent(file: string): RawEvent {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { Event?: RawEvent } & RawEvent;
  return doc.Event ?? doc;
}

/** The SCO type of each kind of value (STIX 2.1 §6). */
const SCO_TYPES: Record<string, string> = {
  ipv4: 'ipv4-addr',
  cidr4: 'ipv4-addr',
  ipv6: 'ipv6-addr',
  cidr6: 'ipv6-addr',
  domain: 'domain-name',
  url: 'url',
  email: 'email-addr',
  asn: 'autonomous-system',
  md5: 'file',
  sha1: 'file',
  sha256: 'file',
  sha512: 'file',
};

/**
 * The id a MISP report should list for a record: the attribute's indicator (or vulnerability),
 * or for an attribute not flagged to_ids the SCO of its kind, under the attribute's UUID.
 */
export function expectedRef(o: ObservableRecord): string {
  if (o.observableKind === 'cve') return `vulnerability--${o.id}`;
  return `${o.observed ? SCO_TYPES[o.observableKind!] : 'indicator'}--${o.id}`;
}
