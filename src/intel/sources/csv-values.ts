import type { ObservableKind } from '../../observables/index.ts';
import { OBSERVABLE_KINDS } from '../../observables/types.ts';

const KINDS: ReadonlySet<string> = new Set(OBSERVABLE_KINDS);

/** Spellings feeds use in a "type" column (ThreatFox `ioc_type`, MISP types). */
const KIND_ALIASES: Readonly<Record<string, ObservableKind | undefined>> = {
  ip: undefined,
  'ip-src': undefined,
  'ip-dst': undefined,
  hostname: 'domain',
  md5_hash: 'md5',
  sha1_hash: 'sha1',
  sha256_hash: 'sha256',
  sha512_hash: 'sha512',
  'email-src': 'email',
  'email-dst': 'email',
  vulnerability: 'cve',
  as: 'asn',
};

/** The kind named by a "type" cell; `ip:port` says the value carries a port to strip. */
export function kindOfCell(cell: string): { kind?: ObservableKind; stripPort?: boolean } {
  const name = cell.trim().toLowerCase();
  if (name === 'ip:port') return { stripPort: true };
  if (KINDS.has(name)) return { kind: name as ObservableKind };
  const kind = KIND_ALIASES[name];
  return kind ? { kind } : {};
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/** An ISO 8601 UTC timestamp from the date forms feeds write; undefined when unreadable. Zone-less times are UTC. */
export function toTimestamp(cell: string): string | undefined {
  const text = cell.trim();
  let ms: number;
  if (/^\d{9,10}$/.test(text)) ms = Number(text) * 1000;
  else {
    const m = DATE_TIME.exec(text);
    if (!m) return undefined;
    const zone = !m[3] || /^(z|utc)$/i.test(m[3]) ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    ms = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${zone}`);
  }
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** A 0–100 confidence; undefined when the cell is not an integer in range. */
export function toConfidence(cell: string): number | undefined {
  const text = cell.trim().replace(/%$/, '');
  if (!/^\d{1,3}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 100 ? n : undefined;
}
