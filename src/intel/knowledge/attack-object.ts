import type { StoredObject } from '../../store/objects-repo.ts';

/** An ATT&CK (or CAPEC) object as the knowledge helpers return it. */
export interface AttackObject {
  id: string;
  type: string;
  name: string | null;
  /** The ATT&CK id (`T1566.001`, `G0016`) or, for a CAPEC pattern, `CAPEC-66`. */
  externalId: string | null;
  aliases: string[];
  revoked: boolean;
  deprecated: boolean;
  object: Record<string, unknown>;
}

const OWN_ID_SOURCES = ['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack', 'capec'];

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The object's own id in its framework: the first ATT&CK or CAPEC external reference. */
export function ownExternalId(o: Record<string, unknown>): string | null {
  const refs = Array.isArray(o.external_references)
    ? (o.external_references as Record<string, unknown>[])
    : [];
  const ref = refs.find(
    (r) => typeof r?.source_name === 'string' && OWN_ID_SOURCES.includes(r.source_name.toLowerCase()),
  );
  return typeof ref?.external_id === 'string' ? ref.external_id : null;
}

/**
 * False for revoked objects (STIX 2.1 §3.6) and for deprecated ones (ATT&CK's
 * `x_mitre_deprecated`, CAPEC's `Deprecated` / `Obsolete` status): they are never current.
 */
export function isCurrent(o: Record<string, unknown>): boolean {
  return (
    o.revoked !== true &&
    o.x_mitre_deprecated !== true &&
    o.x_capec_status !== 'Deprecated' &&
    o.x_capec_status !== 'Obsolete'
  );
}

export function toAttackObject(s: StoredObject): AttackObject {
  const o = s.object;
  return {
    id: s.id,
    type: s.type,
    name: typeof o.name === 'string' ? o.name : null,
    externalId: ownExternalId(o),
    aliases: [...new Set([...strings(o.aliases), ...strings(o.x_mitre_aliases)])],
    revoked: o.revoked === true,
    deprecated: !isCurrent(o) && o.revoked !== true,
    object: o,
  };
}
