import { timestampKey } from '../../core/time.ts';
import type { ObjectRow } from '../../store/ingest-writer.ts';

type Raw = Record<string, unknown>;

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * A text column for search and display. PostgreSQL text cannot hold U+0000, which JSON may;
 * the column shows U+FFFD in its place, and the object's JSON keeps the exact value.
 */
function text(v: unknown): string | null {
  return typeof v === 'string' ? v.replaceAll('\u0000', '\uFFFD') : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The searchable other names of an object: aliases of actors, sets and malware, x_mitre_aliases. */
function aliasesOf(o: Raw): string | null {
  const all = [...strings(o.aliases), ...strings(o.x_mitre_aliases)];
  return all.length > 0 ? text(all.join(' | ')) : null;
}

/**
 * The stored row of a STIX object: the columns reads filter and sort on, and the object's
 * JSON exactly as received (the text the source sent, so custom properties survive).
 */
export function toObjectRow(
  o: Raw,
  opts: { json: string; tlpRank: number; matchable: boolean | null },
): ObjectRow {
  const modified = str(o.modified);
  const labels = strings(o.labels);
  return {
    id: o.id as string,
    type: o.type as string,
    spec_version: str(o.spec_version),
    created: str(o.created),
    modified,
    modified_key: modified === null ? null : timestampKey(modified),
    revoked: o.revoked === true ? 1 : 0,
    confidence: typeof o.confidence === 'number' ? o.confidence : null,
    created_by_ref: str(o.created_by_ref),
    tlp: opts.tlpRank,
    name: text(o.name) ?? text(o.value),
    description: text(o.description),
    aliases: aliasesOf(o),
    labels: labels.length > 0 ? JSON.stringify(labels) : null,
    matchable: opts.matchable === null ? null : opts.matchable ? 1 : 0,
    json: opts.json,
  };
}
