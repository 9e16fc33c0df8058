import { readFileSync } from 'node:fs';
import type { ObservableRecord } from '../../src/intel/source.ts';
import { parseObservable } from '../../src/observables/index.ts';
import { scoId } from '../../src/stix/sco-id.ts';

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

/** The SCO property holding each kind's value, after STIX 2.1 §6 (hashes by their spec names). */
const SCO_SHAPE: Record<string, (v: string) => Record<string, unknown>> = {
  ipv4: (value) => ({ type: 'ipv4-addr', value }),
  cidr4: (value) => ({ type: 'ipv4-addr', value }),
  ipv6: (value) => ({ type: 'ipv6-addr', value }),
  cidr6: (value) => ({ type: 'ipv6-addr', value }),
  domain: (value) => ({ type: 'domain-name', value }),
  url: (value) => ({ type: 'url', value }),
  email: (value) => ({ type: 'email-addr', value }),
  asn: (value) => ({ type: 'autonomous-system', number: Number(value.replace('AS', '')) }),
  md5: (value) => ({ type: 'file', hashes: { MD5: value } }),
  sha1: (value) => ({ type: 'file', hashes: { 'SHA-1': value } }),
  sha256: (value) => ({ type: 'file', hashes: { 'SHA-256': value } }),
  sha512: (value) => ({ type: 'file', hashes: { 'SHA-512': value } }),
};

/**
 * The id a MISP report should list for a record: the attribute's indicator (or vulnerability),
 * or for an attribute not flagged to_ids the deterministic id of the SCO of its canonical value.
 */
export function expectedRef(o: ObservableRecord): string {
  if (o.observableKind === 'cve') return `vulnerability--${o.id}`;
  if (!o.observed) return `indicator--${o.id}`;
  const canonical = parseObservable(o.value, o.observableKind as Parameters<typeof parseObservable>[1])!;
  return scoId(SCO_SHAPE[canonical.kind]!(canonical.value));
}
