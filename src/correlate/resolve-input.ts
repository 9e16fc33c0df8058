import { AppError } from '../core/errors.ts';
import { parseObservable } from '../observables/index.ts';
import { getObject } from '../store/objects-repo.ts';
import { findObservable } from '../store/observables-repo.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';
import { normalizeAttackId, objectsByExternalId } from './knowledge.ts';

const STIX_ID = /^[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ATTACK_ID = /^(T\d{4}(\.\d{3})?|[GSMC]\d{4}|TA\d{4}|DS\d{4})$/i;
const CAPEC_ID = /^CAPEC-\d+$/i;
const CVE_ID = /^CVE-\d{4}-\d{4,}$/i;
const TECHNOLOGY = /^(cpe:2\.3:|pkg:)/i;
const ACTOR_TYPES = ['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool'];
const MAX_SUBJECTS = 100;

export interface ResolvedInput {
  /** How the input was read: stix-id, attack-id, capec-id, cve, name or value. */
  as: 'stix-id' | 'attack-id' | 'capec-id' | 'cve' | 'technology' | 'name' | 'value';
  ids: string[];
  /** For a CVE the store has no object of: the id, for the knowledge tables. */
  cve?: string;
  /** A CPE 2.3 name or purl: walked to its CVEs through the knowledge tables. */
  technology?: string;
}

async function byName(store: Store, viewer: Viewer, name: string): Promise<string[]> {
  const lower = name.toLowerCase();
  const rows = await store.db
    .selectFrom('objects')
    .select(['id', 'name', 'aliases'])
    .where('type', 'in', ACTOR_TYPES)
    .where('tlp', '<=', viewer.maxTlp)
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), '=', lower),
        eb(eb.fn('lower', ['aliases']), 'like', `%${lower.replace(/[%_\\]/g, '')}%`),
      ]),
    )
    .limit(MAX_SUBJECTS * 4)
    .execute();
  return rows
    .filter(
      (r) =>
        r.name?.toLowerCase() === lower ||
        (r.aliases ?? '').split(' | ').some((a) => a.toLowerCase() === lower),
    )
    .slice(0, MAX_SUBJECTS)
    .map((r) => r.id);
}

/**
 * What `correlate` starts from: a STIX id, an ATT&CK id (T1566, G0007, S0002, M1049…), a
 * CAPEC id, a CVE, a group, software or campaign name or alias, or an indicator value in any
 * spelling. Unknown input is a NOT_FOUND error (exit 2).
 */
export async function resolveInput(store: Store, viewer: Viewer, input: string): Promise<ResolvedInput> {
  const text = input.trim();
  const found = (as: ResolvedInput['as'], ids: string[]): ResolvedInput | null =>
    ids.length > 0 ? { as, ids } : null;
  let r: ResolvedInput | null = null;
  if (STIX_ID.test(text)) {
    const row = await getObject(store, viewer, text);
    r = found('stix-id', row ? [row.id] : []);
  } else if (ATTACK_ID.test(text)) {
    const ids = await objectsByExternalId(store, viewer, {
      types: [
        'attack-pattern',
        'intrusion-set',
        'malware',
        'tool',
        'course-of-action',
        'campaign',
        'x-mitre-tactic',
        'x-mitre-data-source',
      ],
      externalId: normalizeAttackId(text),
      sourceNames: ['mitre-attack'],
      limit: MAX_SUBJECTS,
    });
    r = found('attack-id', ids) ?? found('name', await byName(store, viewer, text));
  } else if (CAPEC_ID.test(text)) {
    const ids = await objectsByExternalId(store, viewer, {
      types: ['attack-pattern'],
      externalId: text.toUpperCase(),
      sourceNames: ['capec'],
      limit: MAX_SUBJECTS,
    });
    r = found('capec-id', ids);
  } else if (TECHNOLOGY.test(text)) {
    r = { as: 'technology', ids: [], technology: text };
  } else if (CVE_ID.test(text)) {
    const cve = text.toUpperCase();
    const hits = await findObservable(store, { kind: 'cve', value: cve });
    r = { as: 'cve', ids: [...new Set(hits.map((h) => h.objectId))].slice(0, MAX_SUBJECTS), cve };
  } else {
    r = found('name', await byName(store, viewer, text));
    const obs = r ? null : parseObservable(text);
    if (obs) {
      const hits = await findObservable(store, { kind: obs.kind, value: obs.value });
      r = found('value', [...new Set(hits.map((h) => h.objectId))].slice(0, MAX_SUBJECTS));
    }
  }
  if (!r) throw new AppError('NOT_FOUND', `nothing in the store matches ${JSON.stringify(input)}`);
  return r;
}
