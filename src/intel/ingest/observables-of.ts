import { cidrRange, parseObservable, type Observable, type ObservableKind } from '../../observables/index.ts';
import { equalityTerms, parsePattern } from '../../stix/pattern/index.ts';
import type { ObservableRow } from '../../store/schema.ts';

type Raw = Record<string, unknown>;

/** The observable kinds an object path may hold; the value decides among them (an IP or a CIDR). */
const PATH_KINDS: Record<string, readonly ObservableKind[]> = {
  'ipv4-addr:value': ['ipv4', 'cidr4'],
  'ipv6-addr:value': ['ipv6', 'cidr6'],
  'domain-name:value': ['domain'],
  'url:value': ['url'],
  'email-addr:value': ['email'],
  'email-message:from_ref.value': ['email'],
  'email-message:sender_ref.value': ['email'],
  'network-traffic:dst_ref.value': ['ipv4', 'ipv6', 'cidr4', 'cidr6', 'domain'],
  'network-traffic:src_ref.value': ['ipv4', 'ipv6', 'cidr4', 'cidr6', 'domain'],
  'autonomous-system:number': ['asn'],
  'vulnerability:name': ['cve'],
};

const HASH_KINDS: Record<string, ObservableKind> = {
  md5: 'md5',
  'sha-1': 'sha1',
  sha1: 'sha1',
  'sha-256': 'sha256',
  sha256: 'sha256',
  'sha-512': 'sha512',
  sha512: 'sha512',
};

/** `hashes.'SHA-256'` → `sha-256`, for `file:` and `x509-certificate:` hash paths. */
function hashKind(path: string): ObservableKind | undefined {
  const m = /^hashes\.'?([^']+)'?$/.exec(path);
  return m ? HASH_KINDS[m[1]!.toLowerCase()] : undefined;
}

function kindsFor(objectType: string, path: string): readonly ObservableKind[] {
  const clean = path.replaceAll("'", '');
  const hashed = objectType === 'file' || objectType === 'artifact' || objectType === 'x509-certificate';
  const hk = hashed ? hashKind(path) : undefined;
  if (hk) return [hk];
  return PATH_KINDS[`${objectType}:${clean}`] ?? [];
}

function parseAs(value: string, kinds: readonly ObservableKind[]): Observable | null {
  if (kinds.length === 1) return parseObservable(value, kinds[0]);
  const o = parseObservable(value);
  return o && kinds.includes(o.kind) ? o : null;
}

function toRow(o: Observable): ObservableRow {
  // Only networks carry bounds: lookups ask which indexed networks hold an address, never the
  // reverse, so an address's own bounds would only grow the range index.
  const range = o.kind === 'cidr4' || o.kind === 'cidr6' ? cidrRange(o.kind, o.value) : null;
  return {
    value: o.value,
    kind: o.kind,
    range_lo: range?.lo ?? null,
    range_hi: range?.hi ?? null,
  };
}

export interface ObservablesOfResult {
  rows: ObservableRow[];
  /** For indicators: whether the pattern reduced to exact observables; null for other types. */
  matchable: boolean | null;
}

/**
 * The observables index rows of an object: the exact values of an indicator's STIX pattern
 * (when it reduces to them), or the value of an SCO. Throws AppError for a bad pattern.
 */
export function observablesOf(o: Raw): ObservablesOfResult {
  if (o.type === 'indicator') {
    if (o.pattern_type !== undefined && o.pattern_type !== 'stix') return { rows: [], matchable: false };
    const terms = equalityTerms(parsePattern(String(o.pattern)));
    if (terms === null) return { rows: [], matchable: false };
    const rows: ObservableRow[] = [];
    for (const t of terms) {
      const obs = parseAs(t.value, kindsFor(t.objectType, t.path));
      if (obs === null) return { rows: [], matchable: false };
      rows.push(toRow(obs));
    }
    return { rows, matchable: rows.length > 0 };
  }
  const rows: ObservableRow[] = [];
  const add = (value: unknown, kinds: readonly ObservableKind[]) => {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const obs = parseAs(String(value), kinds);
    if (obs) rows.push(toRow(obs));
  };
  const type = o.type as string;
  if (type === 'autonomous-system') add(o.number, ['asn']);
  else if (type === 'file' || type === 'artifact' || type === 'x509-certificate') {
    const hashes = (o.hashes ?? {}) as Record<string, unknown>;
    for (const [alg, v] of Object.entries(hashes)) {
      const k = HASH_KINDS[alg.toLowerCase()];
      if (k) add(v, [k]);
    }
  } else if (type === 'vulnerability') add(o.name, ['cve']);
  else add(o.value, PATH_KINDS[`${type}:value`] ?? []);
  return { rows, matchable: null };
}
