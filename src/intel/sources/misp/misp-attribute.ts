import { uuidV5 } from '../../../core/uuid.ts';
import { parseObservable } from '../../../observables/index.ts';
import type { Tlp } from '../../../stix/markings.ts';
import type { ObservableRecord, RejectRecord } from '../../source.ts';
import { flag, isoTime, str, unixTime, type Json } from './misp-fields.ts';
import { moreRestrictive, readTags } from './misp-tags.ts';
import { IP_KINDS, MISP_TYPE_PARTS } from './misp-types.ts';
import { UUID_RE } from '../../../stix/identifier.ts';
import { stixIdOf } from '../../ingest/observable-indicator.ts';

/** What an attribute inherits from its event and, inside a MISP object, from the object. */
export interface AttributeScope {
  file: string;
  /** JSON path of the attribute, e.g. `$.Event.Object[2].Attribute[0]`. */
  path: string;
  eventUuid: string;
  eventLabels: readonly string[];
  eventTlp: Tlp | undefined;
  /** Event timestamp, used when the attribute has none. */
  eventTime: string | undefined;
  /** `misp:name` / `misp:meta-category` labels of the enclosing object (misp-stix), if any. */
  objectLabels: readonly string[];
  toIdsOnly: boolean;
}

export type AttributeResult =
  | { skipped: string }
  | {
      records: (ObservableRecord | RejectRecord)[];
      /** The ids of the STIX objects the records become, for the event's report. */
      refs: string[];
    };

/**
 * The id of the attribute's `nth` indicator part: the attribute's UUID for the first (so the
 * indicator is `indicator--<attribute uuid>` as in misp-stix), derived from it for the others,
 * derived from the event and JSON path when the attribute has no usable UUID.
 */
function recordUuid(attr: Json, scope: AttributeScope, nth: number): string {
  const own = str(attr.uuid)?.toLowerCase();
  if (own && UUID_RE.test(own)) return nth === 0 ? own : uuidV5(own, `part ${nth}`);
  return uuidV5(scope.eventUuid, `${scope.path} part ${nth}`);
}

/**
 * One MISP attribute → an ObservableRecord per indicator part of its value (`domain|ip`
 * gives two). Types without an indicator part are skipped and named so they can be counted.
 * As misp-stix maps them, an attribute flagged `to_ids` gives indicators; one that is not (a
 * link to a write-up, an address seen in passing) gives observables (SCOs) only.
 */
export function mapAttribute(attr: Json, scope: AttributeScope): AttributeResult {
  const type = str(attr.type) ?? '(no type)';
  if (flag(attr.deleted)) return { skipped: 'deleted' };
  const parts = MISP_TYPE_PARTS[type];
  if (!parts) return { skipped: type };
  if (scope.toIdsOnly && !flag(attr.to_ids)) return { skipped: `${type} (to_ids false)` };
  const values = (str(attr.value) ?? '').split('|');
  const tags = readTags(attr.Tag);
  const category = str(attr.category);
  const labels = [
    ...new Set([
      ...scope.eventLabels,
      ...tags.labels,
      ...scope.objectLabels,
      `misp:type="${type}"`,
      ...(category ? [`misp:category="${category}"`] : []),
    ]),
  ];
  const time = unixTime(attr.timestamp) ?? scope.eventTime;
  const tlp = moreRestrictive(scope.eventTlp, tags.tlp);
  const comment = str(attr.comment)?.trim();
  const firstSeen = isoTime(attr.first_seen);
  const lastSeen = isoTime(attr.last_seen);
  const observed = !flag(attr.to_ids);
  const records: (ObservableRecord | RejectRecord)[] = [];
  const refs: string[] = [];
  let nth = 0;
  parts.forEach((kind, i) => {
    const value = values[i]?.trim();
    if (kind === null || !value) return;
    const uuid = recordUuid(attr, scope, nth++);
    const location = { path: `${scope.file}:${scope.path}.value` };
    const parsed = parseObservable(value, kind === 'ip' ? undefined : kind);
    if (!parsed || (kind === 'ip' && !IP_KINDS.has(parsed.kind))) {
      records.push({
        kind: 'reject',
        message: `${type} value "${value.slice(0, 200)}" is not a valid ${kind}`,
        location,
      });
      return;
    }
    const record: ObservableRecord = {
      kind: 'observable',
      value,
      observableKind: parsed.kind,
      id: uuid,
      ...(observed ? { observed } : {}),
      labels,
      ...(comment ? { description: comment } : {}),
      ...(tlp ? { tlp } : {}),
      ...(time ? { created: time, modified: time } : {}),
      ...(firstSeen ? { firstSeen } : {}),
      ...(lastSeen ? { lastSeen } : {}),
      location,
    };
    records.push(record);
    refs.push(stixIdOf(record, parsed));
  });
  return { records, refs };
}
