import { uuidV5 } from '../../core/uuid.ts';
import type { Observable } from '../../observables/index.ts';
import { tlpMarkingRef } from '../../stix/markings.ts';
import { scoId } from '../../stix/sco-id.ts';
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

/** The SCO of a canonical value (not a CVE), without its id: its ID contributing property alone. */
function scoOf(o: Observable): Record<string, unknown> {
  switch (o.kind) {
    case 'ipv4':
    case 'cidr4':
      return { type: 'ipv4-addr', value: o.value };
    case 'ipv6':
    case 'cidr6':
      return { type: 'ipv6-addr', value: o.value };
    case 'domain':
      return { type: 'domain-name', value: o.value };
    case 'url':
      return { type: 'url', value: o.value };
    case 'email':
      return { type: 'email-addr', value: o.value };
    case 'asn':
      return { type: 'autonomous-system', number: Number(o.value.replace(/^AS/, '')) };
    case 'md5':
      return { type: 'file', hashes: { MD5: o.value } };
    case 'sha1':
      return { type: 'file', hashes: { 'SHA-1': o.value } };
    case 'sha256':
      return { type: 'file', hashes: { 'SHA-256': o.value } };
    case 'sha512':
      return { type: 'file', hashes: { 'SHA-512': o.value } };
    case 'cve':
      throw new Error('a CVE is a vulnerability, not an SCO');
  }
}

/**
 * The id of the STIX object an indicator value becomes (see observableToStix). A source's own
 * id (a MISP attribute UUID) is kept, as misp-stix keeps it: MISP marks each event on its own,
 * and one object shared by the events that report a value would carry the first one's marking
 * only. Without one, the id is derived from the canonical pattern or CVE, or for an SCO is the
 * spec's deterministic one (§2.9), so every source and spelling of the value meets at one id.
 */
export function stixIdOf(rec: ObservableRecord, o: Observable): string {
  if (o.kind === 'cve')
    return `vulnerability--${rec.id ?? uuidV5(THREATLOOM_NAMESPACE, `vulnerability:${o.value}`)}`;
  if (rec.observed) {
    const sco = scoOf(o);
    return rec.id ? `${sco.type as string}--${rec.id}` : scoId(sco);
  }
  return `indicator--${rec.id ?? uuidV5(THREATLOOM_NAMESPACE, patternOf(o))}`;
}

/**
 * The STIX object an indicator value becomes: an indicator, or for a CVE a vulnerability, or
 * for a value reported as observed only an SCO (which has no timestamps, labels nor description).
 */
export function observableToStix(rec: ObservableRecord, o: Observable, now: string): Record<string, unknown> {
  const id = stixIdOf(rec, o);
  // The record's own TLP (a MISP tag) marks the object; a source's default TLP marks its provenance.
  const markings = rec.tlp ? { object_marking_refs: [tlpMarkingRef(rec.tlp)] } : {};
  if (rec.observed && o.kind !== 'cve') {
    const sco = scoOf(o);
    return { type: sco.type, spec_version: '2.1', id, ...sco, ...markings };
  }
  const created = rec.created ?? now;
  const common = {
    spec_version: '2.1',
    created,
    modified: rec.modified ?? created,
    ...(rec.description ? { description: rec.description } : {}),
    ...(rec.labels && rec.labels.length > 0 ? { labels: rec.labels } : {}),
    ...(rec.confidence !== undefined ? { confidence: rec.confidence } : {}),
    ...markings,
  };
  if (o.kind === 'cve') {
    return {
      type: 'vulnerability',
      id,
      ...common,
      name: o.value,
      external_references: [{ source_name: 'cve', external_id: o.value }],
    };
  }
  return {
    type: 'indicator',
    id,
    ...common,
    name: o.value,
    pattern: patternOf(o),
    pattern_type: 'stix',
    valid_from: rec.firstSeen ?? created,
  };
}
