import { readFileSync } from 'node:fs';

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
