import { uuidV5 } from '../../../core/uuid.ts';
import { UUID_RE } from '../../../stix/identifier.ts';
import { tlpMarkingRef } from '../../../stix/markings.ts';
import type { SourceRecord } from '../../source.ts';
import { mapAttribute, type AttributeScope } from './misp-attribute.ts';
import { isObject, isoTime, list, str, unixTime, type Json } from './misp-fields.ts';
import { readTags } from './misp-tags.ts';

/** Namespace of ids derived for MISP items that lack a usable UUID. */
const MISP_NAMESPACE = uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'threatloom:misp');

export interface MappedEvent {
  records: SourceRecord[];
  /** Attributes that give no indicator nor observable, by MISP type (or `deleted`). */
  skipped: Record<string, number>;
  /** False when the event gave no object, so no report was made (STIX needs one object_ref). */
  reported: boolean;
}

export interface EventOptions {
  /** File or URL the event came from, for record locations. */
  file: string;
  toIdsOnly: boolean;
}

/**
 * One MISP event (`{"Event": {…}}`'s inner object) → its indicators and observables (see
 * mapAttribute), then a STIX report that refers to them (`report--<event uuid>`, name = info,
 * labels and TLP marking from the tags), after misp-stix's mapping. Attributes of MISP objects
 * map the same way, labelled with the object's `misp:name` and `misp:meta-category` as
 * misp-stix labels object indicators; the report lists them beside the event's own attributes.
 */
export function mapMispEvent(event: Json, opts: EventOptions): MappedEvent {
  const rawUuid = str(event.uuid)?.toLowerCase();
  const eventUuid = rawUuid && UUID_RE.test(rawUuid) ? rawUuid : uuidV5(MISP_NAMESPACE, rawUuid ?? opts.file);
  const tags = readTags(event.Tag);
  const eventTime = unixTime(event.timestamp);
  const base: Omit<AttributeScope, 'path' | 'objectLabels'> = {
    file: opts.file,
    eventUuid,
    eventLabels: tags.labels,
    eventTlp: tags.tlp,
    eventTime,
    toIdsOnly: opts.toIdsOnly,
  };
  const records: SourceRecord[] = [];
  const refs = new Set<string>();
  const skipped: Record<string, number> = {};
  const take = (attr: unknown, scope: AttributeScope): void => {
    const result = isObject(attr) ? mapAttribute(attr, scope) : { skipped: '(not an object)' };
    if ('skipped' in result) skipped[result.skipped] = (skipped[result.skipped] ?? 0) + 1;
    else {
      records.push(...result.records);
      for (const ref of result.refs) refs.add(ref);
    }
  };
  list(event.Attribute).forEach((attr, i) =>
    take(attr, { ...base, path: `$.Event.Attribute[${i}]`, objectLabels: [] }),
  );
  list(event.Object).forEach((obj, j) => {
    if (!isObject(obj)) return;
    const objectLabels = [
      `misp:name="${str(obj.name) ?? ''}"`,
      `misp:meta-category="${str(obj['meta-category']) ?? ''}"`,
    ];
    list(obj.Attribute).forEach((attr, i) =>
      take(attr, { ...base, path: `$.Event.Object[${j}].Attribute[${i}]`, objectLabels }),
    );
  });
  if (refs.size === 0) return { records, skipped, reported: false };
  const modified = eventTime ?? isoTime(event.date) ?? new Date(0).toISOString();
  const date = isoTime(event.date);
  const report = {
    type: 'report',
    spec_version: '2.1',
    id: `report--${eventUuid}`,
    created: date && date < modified ? date : modified,
    modified,
    name: str(event.info)?.trim() || `MISP event ${eventUuid}`,
    report_types: ['threat-report'],
    published: unixTime(event.publish_timestamp) ?? modified,
    object_refs: [...refs],
    ...(tags.labels.length > 0 ? { labels: tags.labels } : {}),
    ...(tags.tlp ? { object_marking_refs: [tlpMarkingRef(tags.tlp)] } : {}),
  };
  records.push({ kind: 'stix', object: report, location: { path: `${opts.file}:$.Event` } });
  return { records, skipped, reported: true };
}
