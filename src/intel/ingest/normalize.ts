import { isAppError } from '../../core/errors.ts';
import { parseObservable } from '../../observables/index.ts';
import { tlpOf, tlpRank, type Tlp } from '../../stix/markings.ts';
import { validateStixObject } from '../../stix/validate.ts';
import type { ObjectRow } from '../../store/ingest-writer.ts';
import type { ObservableRow, RelationshipsTable } from '../../store/schema.ts';
import type { ItemLocation, SourceRecord } from '../source.ts';
import { observableToStix } from './observable-indicator.ts';
import { observablesOf } from './observables-of.ts';
import { toObjectRow } from './object-row.ts';
import { relationshipsOf } from './relationships-of.ts';

/** A record turned into what the store writes. */
export interface NormalizedItem {
  ok: true;
  id: string;
  row: ObjectRow;
  observables: ObservableRow[];
  relationships: RelationshipsTable[];
  /**
   * False for objects Threatloom derived from a bare value with no timestamp of the source:
   * when such an object exists already, a new report of it changes nothing but provenance.
   */
  versioned: boolean;
  location: ItemLocation;
}

export interface NormalizedReject {
  ok: false;
  id?: string;
  location: ItemLocation;
  message: string;
}

function objectTlpRank(o: Record<string, unknown>, fallback: Tlp | undefined): number {
  const refs = Array.isArray(o.object_marking_refs)
    ? o.object_marking_refs.filter((r): r is string => typeof r === 'string')
    : [];
  const own = tlpOf(refs);
  return tlpRank(own ?? fallback ?? 'clear');
}

function build(
  o: Record<string, unknown>,
  json: string,
  versioned: boolean,
  location: ItemLocation,
  tlp: Tlp | undefined,
): NormalizedItem {
  const { rows, matchable } = observablesOf(o);
  return {
    ok: true,
    id: o.id as string,
    row: toObjectRow(o, { json, tlpRank: objectTlpRank(o, tlp), matchable }),
    observables: rows,
    relationships: relationshipsOf(o),
    versioned,
    location,
  };
}

/**
 * Validates one source record and derives its rows. Never throws for a bad item: a record
 * that cannot be stored comes back as a reject naming its path and reason.
 */
export function normalize(
  rec: SourceRecord,
  ctx: { now: string; tlp?: Tlp },
): NormalizedItem | NormalizedReject {
  if (rec.kind === 'reject')
    return { ok: false, location: rec.location, message: rec.message, ...(rec.id ? { id: rec.id } : {}) };
  const rawId = rec.kind === 'stix' ? (rec.object as { id?: unknown } | null)?.id : undefined;
  const id = typeof rawId === 'string' ? rawId : undefined;
  try {
    if (rec.kind === 'observable') {
      const obs = parseObservable(rec.value, rec.observableKind as Parameters<typeof parseObservable>[1]);
      if (obs === null) {
        const what = rec.observableKind ? `a valid ${rec.observableKind}` : 'a recognizable indicator value';
        return {
          ok: false,
          location: rec.location,
          message: `${JSON.stringify(rec.value.slice(0, 200))} is not ${what}`,
        };
      }
      const o = observableToStix(rec, obs, ctx.now);
      // An SCO has no versions: like a value without a timestamp, a new report adds provenance.
      const versioned = rec.modified !== undefined && 'modified' in o;
      return build(o, JSON.stringify(o), versioned, rec.location, rec.tlp ?? ctx.tlp);
    }
    const checked = validateStixObject(rec.object);
    if (!checked.ok) {
      const issue = checked.issues[0]!;
      const extra = checked.issues.length > 1 ? ` (and ${checked.issues.length - 1} more)` : '';
      return {
        ok: false,
        location: { ...rec.location, path: `${rec.location.path}${issue.path.slice(1)}` },
        message: `${issue.message}${extra}`,
        ...(id ? { id } : {}),
      };
    }
    const o = checked.object as Record<string, unknown>;
    return build(o, JSON.stringify(rec.object), true, rec.location, ctx.tlp);
  } catch (e) {
    if (!isAppError(e)) throw e;
    // A located error without a path comes from the pattern parser; its message names the column.
    const path = e.location.path ?? (e.location.column !== undefined ? '.pattern' : '');
    return {
      ok: false,
      location: { ...rec.location, path: `${rec.location.path}${path}` },
      message: e.message,
      ...(id ? { id } : {}),
    };
  }
}
