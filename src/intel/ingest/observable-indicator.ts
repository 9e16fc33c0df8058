import { uuidV5 } from '../../core/uuid.ts';
import type { Observable } from '../../observables/index.ts';
import { tlpMarkingRef } from '../../stix/markings.ts';
import type { ObservableRecord } from '../source.ts';

/** Namespace of the ids Threatloom derives from values (UUIDv5 of the DNS namespace and "threatloom"). */
const THREATLOOM_NAMESPACE = uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'threatloom');

const PATTERN_PATHS: Record<Observable['kind'], string> = {
  ipv4: 'ipv4-addr:value',
  cidr4: 'ipv4-addr:value',
  ipv6: 'ipv6-addr:value',
  cidr6: 'ipv6-addr:value',
  domain: 'domain-name:value',
  url: 'url:value',
  email: 'email-addr:value',
  md5: 'file:hashes.MD5',
  sha1: "file:hashes.'SHA-1'",
  sha256: "file:hashes.'SHA-256'",
  sha512: "file:hashes.'SHA-512'",
  asn: 'autonomous-system:number',
  cve: 'vulnerability:name',
};

/** STIX 2.1 §9.4: a string literal escapes `\` and `'`. */
function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** The one STIX pattern of a canonical observable; equal values give equal patterns. */
export function patternOf(o: Observable): string {
  const literal = o.kind === 'asn' ? o.value.replace(/^AS/, '') : quote(o.value);
  return `[${PATTERN_PATHS[o.kind]} = ${literal}]`;
}

/**
 * The STIX object an indicator value becomes: an indicator whose id is derived from its
 * canonical pattern (so every source and spelling of the value meets at one id), or, for a
 * CVE, a vulnerability. A source's own id (a MISP attribute UUID) is kept instead when given.
 */
export function observableToStix(rec: ObservableRecord, o: Observable, now: string): Record<string, unknown> {
  const created = rec.created ?? now;
  const common = {
    spec_version: '2.1',
    created,
    modified: rec.modified ?? created,
    ...(rec.description ? { description: rec.description } : {}),
    ...(rec.labels && rec.labels.length > 0 ? { labels: rec.labels } : {}),
    ...(rec.confidence !== undefined ? { confidence: rec.confidence } : {}),
    // The record's own TLP (a MISP tag) marks the object; a source's default TLP marks its provenance.
    ...(rec.tlp ? { object_marking_refs: [tlpMarkingRef(rec.tlp)] } : {}),
  };
  if (o.kind === 'cve') {
    const uuid = rec.id ?? uuidV5(THREATLOOM_NAMESPACE, `vulnerability:${o.value}`);
    return {
      type: 'vulnerability',
      id: `vulnerability--${uuid}`,
      ...common,
      name: o.value,
      external_references: [{ source_name: 'cve', external_id: o.value }],
    };
  }
  const pattern = patternOf(o);
  const uuid = rec.id ?? uuidV5(THREATLOOM_NAMESPACE, pattern);
  return {
    type: 'indicator',
    id: `indicator--${uuid}`,
    ...common,
    name: o.value,
    pattern,
    pattern_type: 'stix',
    valid_from: rec.firstSeen ?? created,
  };
}
