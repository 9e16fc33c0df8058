import { sql } from 'kysely';
import { objectsWithExternalId } from '../../store/external-refs-repo.ts';
import { getObjects, type StoredObject } from '../../store/objects-repo.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from '../../store/viewer.ts';
import { toAttackObject, type AttackObject } from './attack-object.ts';
import { currentTechnique } from './current-technique.ts';
import { ensureExternalRefs } from './external-index.ts';
import { relatedCurrent } from './related-current.ts';

export interface AttackMatch {
  /** How the query matched: the framework id, the name, or one of the aliases. */
  match: 'id' | 'name' | 'alias';
  /** The object that matched, possibly revoked or deprecated. */
  object: AttackObject;
  /** What stands for it today (itself, or its replacement through `revoked-by`); never revoked. */
  current: AttackObject | undefined;
  /** For a technique: its current sub-techniques (`subtechnique-of`). */
  subtechniques?: AttackObject[];
}

const ID_QUERY = /^(T\d{4}(\.\d{3})?|TA\d{4}|[GSMC]\d{4}|DS\d{4}|CAPEC-\d{1,6})$/i;
const NAMED_TYPES = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'intrusion-set',
  'malware',
  'threat-actor',
  'tool',
];
const MAX_QUERY = 200;

async function byName(
  store: Store,
  viewer: Viewer,
  query: string,
): Promise<{ o: StoredObject; alias: boolean }[]> {
  const q = query.toLowerCase();
  const like = `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  const rows = await store.db
    .selectFrom('objects')
    .select('id')
    .where('type', 'in', NAMED_TYPES)
    .where('tlp', '<=', viewer.maxTlp)
    .where((eb) =>
      eb.or([eb(eb.fn('lower', ['name']), '=', q), eb(sql`lower(aliases)`, 'like', sql`${like} escape '!'`)]),
    )
    .limit(1000)
    .execute();
  const objects = await getObjects(
    store,
    viewer,
    rows.map((r) => r.id),
  );
  return objects.flatMap((o): { o: StoredObject; alias: boolean }[] => {
    const a = toAttackObject(o);
    if (a.name?.toLowerCase() === q) return [{ o, alias: false }];
    return a.aliases.some((x) => x.toLowerCase() === q) ? [{ o, alias: true }] : [];
  });
}

/**
 * ATT&CK (and CAPEC) lookup: a technique by id (`T1566`, `T1566.001`), a group, software,
 * mitigation or campaign by id (`G0016`), or anything by name or alias, case-insensitively
 * (`aliases` and `x_mitre_aliases`). Each match carries what is current for it: a revoked
 * technique resolves to its replacement, a deprecated one to nothing.
 */
export async function findAttackObjects(store: Store, viewer: Viewer, query: string): Promise<AttackMatch[]> {
  const q = query.trim();
  if (q === '' || q.length > MAX_QUERY) return [];
  let hits: { o: StoredObject; match: AttackMatch['match'] }[];
  if (ID_QUERY.test(q)) {
    await ensureExternalRefs(store);
    const ids = (
      await objectsWithExternalId(store, q.toUpperCase(), [
        'mitre-attack',
        'mitre-mobile-attack',
        'mitre-ics-attack',
        'capec',
      ])
    ).map((r) => r.object_id);
    hits = (await getObjects(store, viewer, ids)).map((o) => ({ o, match: 'id' as const }));
  } else {
    hits = (await byName(store, viewer, q)).map(({ o, alias }) => ({ o, match: alias ? 'alias' : 'name' }));
  }
  const out: AttackMatch[] = [];
  for (const h of hits.sort((a, b) => a.o.id.localeCompare(b.o.id))) {
    const resolved = await currentTechnique(store, viewer, h.o.id);
    const current = resolved?.current;
    const m: AttackMatch = { match: h.match, object: toAttackObject(h.o), current };
    if (current?.type === 'attack-pattern' && current.object.x_mitre_is_subtechnique !== true)
      m.subtechniques = await relatedCurrent(store, viewer, {
        id: current.id,
        relationshipType: 'subtechnique-of',
        direction: 'in',
      });
    out.push(m);
  }
  return out;
}
