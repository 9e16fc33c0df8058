import { idType, isStixId } from './identifier.ts';
import { compareTimestamps, isTimestamp } from './timestamp.ts';

type Props = Record<string, unknown>;

/** Indicator properties whose values this fast path does not check; their presence defers to the schema. */
const DEFERRED = new Set(['granular_markings', 'extensions']);

const isString = (v: unknown): v is string => typeof v === 'string';

function isStringList(v: unknown, item: (s: unknown) => boolean = isString): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const s of v) if (!item(s)) return false;
  return true;
}

const isMarkingRef = (v: unknown): boolean => isStixId(v) && v.startsWith('marking-definition--');

function isKillChainPhases(v: unknown): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const p of v as Props[]) {
    if (typeof p !== 'object' || p === null || !isString(p.kill_chain_name) || !isString(p.phase_name))
      return false;
  }
  return true;
}

/** External references without `hashes` (those defer to the schema); same rules as `externalReference`. */
function isExternalReferences(v: unknown): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const r of v as Props[]) {
    if (typeof r !== 'object' || r === null || Array.isArray(r) || r.hashes !== undefined) return false;
    const { source_name: source, external_id: eid, description, url } = r;
    if (!isString(source)) return false;
    if (eid !== undefined && !isString(eid)) return false;
    if (description !== undefined && !isString(description)) return false;
    if (url !== undefined && !isString(url)) return false;
    if (source === 'cve' || source === 'capec') return false;
    if (eid === undefined && description === undefined && url === undefined) return false;
  }
  return true;
}

const CHECKS: ReadonlyMap<string, (v: unknown) => boolean> = new Map(
  Object.entries({
    type: (v) => v === 'indicator',
    spec_version: (v) => v === '2.1',
    id: (v) => isStixId(v) && idType(v) === 'indicator',
    created_by_ref: isStixId,
    created: isTimestamp,
    modified: isTimestamp,
    valid_from: isTimestamp,
    valid_until: isTimestamp,
    revoked: (v) => typeof v === 'boolean',
    confidence: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100,
    name: isString,
    description: isString,
    pattern: isString,
    pattern_type: isString,
    pattern_version: isString,
    lang: isString,
    labels: (v) => isStringList(v),
    indicator_types: (v) => isStringList(v),
    object_marking_refs: (v) => isStringList(v, isMarkingRef),
    kill_chain_phases: isKillChainPhases,
    external_references: isExternalReferences,
  }),
);

const REQUIRED = [
  'type',
  'spec_version',
  'id',
  'created',
  'modified',
  'pattern',
  'pattern_type',
  'valid_from',
];

/**
 * A hand-written check of the common indicator, for the ingest hot path: true only when the
 * object certainly passes `indicatorSchema`; false means "let the schema decide" (it is also
 * false for rarer shapes, such as granular markings or hashes in external references).
 * Unknown properties are custom ones and pass whatever their value, as in the schema.
 */
export function isCertainlyValidIndicator(o: Props): boolean {
  for (const key in o) {
    const check = CHECKS.get(key);
    if (check ? !check(o[key]) : DEFERRED.has(key)) return false;
  }
  for (const key of REQUIRED) if (o[key] === undefined) return false;
  if (compareTimestamps(o.modified as string, o.created as string) < 0) return false;
  return (
    o.valid_until === undefined || compareTimestamps(o.valid_until as string, o.valid_from as string) > 0
  );
}
