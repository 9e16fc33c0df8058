import { uuidV5 } from '../../core/uuid.ts';
import type { Observable } from '../../observables/index.ts';
import { tlpMarkingRef } from '../../stix/markings.ts';
import { scoId } from '../../stix/sco-id.ts';
import type { ObservableRecord } from '../source.ts';

/** Namespace of the ids Threatloom derives from values (UUIDv5 of the DNS namespace and "threatloom"). */
const THREATLOOM_NAMESPACE = uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'threatloom');

/** Where each kind of value sits in STIX: object type and property path, as a pattern names it. */
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

/** The digits of a canonical AS number (`AS13335` → `13335`), as patterns and SCOs hold it. */
const asDigits = (value: string) => value.replace(/^AS/, '');

/** STIX 2.1 §9.4: a string literal escapes `\` and `'`. */
function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** The one STIX pattern of a canonical observable; equal values give equal patterns. */
export function patternOf(o: Observable): string {
  const literal = o.kind === 'asn' ? asDigits(o.value) : quote(o.value);
  return `[${PATTERN_PATHS[o.kind]} = ${literal}]`;
}

/**
 * The SCO of a canonical value (not a CVE), without its id: its type and the one property its
 * pattern path names (`value`, `number`, or one of `hashes`).
 */
function scoOf(o: Observable): { type: string } & Record<string, unknown> {
  const [type, path] = PATTERN_PATHS[o.kind].split(':') as [string, string];
  if (path === 'number') return { type, number: Number(asDigits(o.value)) };
  if (path.startsWith('hashes.')) return { type, hashes: { [path.slice(7).replaceAll("'", '')]: o.value } };
  return { type, [path]: o.value };
}

/** An observed value's SCO id: the source's own id under the SCO's type, else the spec's own. */
function observedId(rec: ObservableRecord, sco: ReturnType<typeof scoOf>): string {
  return rec.id ? `${sco.type}--${rec.id}` : scoId(sco);
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
  if (rec.observed) return observedId(rec, scoOf(o));
  return `indicator--${rec.id ?? uuidV5(THREATLOOM_NAMESPACE, patternOf(o))}`;
}

/**
 * The STIX object an indicator value becomes: an indicator, or for a CVE a vulnerability, or
 * for a value reported as observed only an SCO (which has no timestamps, labels nor description).
 */
export function observableToStix(rec: ObservableRecord, o: Observable, now: string): Record<string, unknown> {
  // The record's own TLP (a MISP tag) marks the object; a source's default TLP marks its provenance.
  const markings = rec.tlp ? { object_marking_refs: [tlpMarkingRef(rec.tlp)] } : {};
  if (rec.observed && o.kind !== 'cve') {
    const sco = scoOf(o);
    const { type, ...property } = sco;
    return { type, spec_version: '2.1', id: observedId(rec, sco), ...property, ...markings };
  }
  const id = stixIdOf(rec, o);
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
