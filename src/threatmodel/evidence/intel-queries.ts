// The one adapter between model analysis and the intelligence tables. Correlation walks one
// subject at a time; analysis needs the same facts for every technique and group at once, so
// they are read here in batched queries (at most CHUNK ids per `in` list, every read capped).
import { isCurrent } from '../../intel/knowledge/index.ts';
import { observablesWithObjects } from '../../store/observables-repo.ts';
import { getObjects, type StoredObject } from '../../store/objects-repo.ts';
import { sightingTotals } from '../../store/sightings-repo.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from '../../store/viewer.ts';

const CHUNK = 500;
/** Rows read per kind of link: a store with millions of reports still costs bounded work. */
export const MAX_LINK_ROWS = 50_000;
const ACTOR_PREFIXES = ['intrusion-set--', 'campaign--', 'threat-actor--'];

export const isActorId = (id: string) => ACTOR_PREFIXES.some((p) => id.startsWith(p));

async function chunked<T>(ids: readonly string[], read: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length && out.length < MAX_LINK_ROWS; i += CHUNK)
    out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out.slice(0, MAX_LINK_ROWS);
}

/** The current, visible objects among these ids (revoked and deprecated ones are hidden). */
export async function currentObjects(store: Store, viewer: Viewer, ids: string[]): Promise<StoredObject[]> {
  const unique = [...new Set(ids)];
  const found = await chunked(unique, (part) => getObjects(store, viewer, part));
  return found.filter((o) => isCurrent(o.object));
}

/** Attack patterns carrying these ATT&CK ids (`mitre-attack` external references). */
export async function attackPatternsById(
  store: Store,
  externalIds: string[],
): Promise<Map<string, string[]>> {
  const rows = await chunked(externalIds, (part) =>
    store.db
      .selectFrom('external_refs')
      .select(['external_id', 'object_id'])
      .where('external_id', 'in', part)
      .where('source_name', '=', 'mitre-attack')
      .where('object_id', 'like', 'attack-pattern--%')
      .execute(),
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.external_id, [...(out.get(r.external_id) ?? []), r.object_id]);
  return out;
}

/** `targets` links from actors (intrusion sets, campaigns, threat actors) to identities and locations. */
export async function actorTargets(
  store: Store,
  viewer: Viewer,
): Promise<{ actor: string; target: Record<string, unknown> }[]> {
  const rows = await store.db
    .selectFrom('relationships as r')
    .innerJoin('objects as o', 'o.id', 'r.target_ref')
    .select(['r.source_ref', 'o.json'])
    .where('r.relationship_type', '=', 'targets')
    .where('o.type', 'in', ['identity', 'location'])
    .where('o.tlp', '<=', viewer.maxTlp)
    .where((eb) => eb.or(ACTOR_PREFIXES.map((p) => eb('r.source_ref', 'like', `${p}%`))))
    .limit(MAX_LINK_ROWS)
    .execute();
  return rows.map((r) => ({ actor: r.source_ref, target: JSON.parse(r.json) as Record<string, unknown> }));
}

export interface UseLink {
  actor: string;
  technique: string;
}

/** Current `uses` relationships from these actors to attack patterns (deprecated SROs hidden). */
export async function techniqueUses(store: Store, viewer: Viewer, actorIds: string[]): Promise<UseLink[]> {
  const rows = await chunked(actorIds, (part) =>
    store.db
      .selectFrom('relationships')
      .select(['id', 'source_ref', 'target_ref'])
      .where('source_ref', 'in', part)
      .where('relationship_type', '=', 'uses')
      .where('target_ref', 'like', 'attack-pattern--%')
      .execute(),
  );
  const current = new Set(
    (
      await currentObjects(
        store,
        viewer,
        rows.map((r) => r.id),
      )
    ).map((o) => o.id),
  );
  return rows.filter((r) => current.has(r.id)).map((r) => ({ actor: r.source_ref, technique: r.target_ref }));
}

export interface ActorActivity {
  indicators: number;
  sightings: number;
  /** Latest sighting of the actor or of one of its indicators (ISO 8601), if any. */
  lastSighting: string | null;
}

/** Indicators that `indicate` each actor, and the sightings of them (recorded and STIX). */
export async function actorActivity(
  store: Store,
  viewer: Viewer,
  actorIds: string[],
): Promise<Map<string, ActorActivity>> {
  const links = await chunked(actorIds, (part) =>
    store.db
      .selectFrom('relationships')
      .select(['source_ref', 'target_ref'])
      .where('target_ref', 'in', part)
      .where('relationship_type', '=', 'indicates')
      .where('source_ref', 'like', 'indicator--%')
      .execute(),
  );
  const indicatorIds = new Set(
    (
      await currentObjects(
        store,
        viewer,
        links.map((l) => l.source_ref),
      )
    ).map((o) => o.id),
  );
  const observed = await chunked([...indicatorIds], (part) =>
    observablesWithObjects(store)
      .select(['o.id as object_id', 'v.value', 'v.kind'])
      .where('o.id', 'in', part)
      .execute(),
  );
  const totals = await sightingTotals(store, observed);
  const stix = await stixSightings(store, viewer, [...actorIds, ...indicatorIds]);

  const out = new Map<string, ActorActivity>();
  const entry = (actor: string) => {
    const e = out.get(actor) ?? { indicators: 0, sightings: 0, lastSighting: null };
    out.set(actor, e);
    return e;
  };
  const note = (e: ActorActivity, s: { count: number; last: string } | undefined) => {
    if (!s) return;
    e.sightings += s.count;
    if (e.lastSighting === null || s.last > e.lastSighting) e.lastSighting = s.last;
  };
  for (const a of actorIds) note(entry(a), stix.get(a));
  for (const l of links) {
    if (!indicatorIds.has(l.source_ref)) continue;
    const e = entry(l.target_ref);
    e.indicators += 1;
    note(e, stix.get(l.source_ref));
    for (const o of observed.filter((x) => x.object_id === l.source_ref))
      note(e, totals.get(`${o.kind}:${o.value}`));
  }
  return out;
}

/** STIX sighting objects of these ids: total count and latest `last_seen` (else `created`). */
async function stixSightings(
  store: Store,
  viewer: Viewer,
  ids: string[],
): Promise<Map<string, { count: number; last: string }>> {
  const links = await chunked(ids, (part) =>
    store.db
      .selectFrom('relationships')
      .select(['source_ref', 'target_ref'])
      .where('target_ref', 'in', part)
      .where('relationship_type', '=', 'sighting-of')
      .execute(),
  );
  const sightings = new Map(
    (
      await currentObjects(
        store,
        viewer,
        links.map((l) => l.source_ref),
      )
    ).map((o) => [o.id, o.object]),
  );
  const out = new Map<string, { count: number; last: string }>();
  for (const l of links) {
    const s = sightings.get(l.source_ref);
    if (!s) continue;
    const stamp = s.last_seen ?? s.created;
    const last = typeof stamp === 'string' ? stamp : '';
    const prev = out.get(l.target_ref) ?? { count: 0, last: '' };
    out.set(l.target_ref, {
      count: prev.count + (typeof s.count === 'number' ? s.count : 1),
      last: last > prev.last ? last : prev.last,
    });
  }
  return out;
}

/** The ATT&CK version of the ingested Enterprise collection (`x-mitre-collection`), if any. */
export async function attackVersion(store: Store, viewer: Viewer): Promise<string | undefined> {
  const rows = await store.db
    .selectFrom('objects')
    .select('json')
    .where('type', '=', 'x-mitre-collection')
    .where('tlp', '<=', viewer.maxTlp)
    .limit(10)
    .execute();
  const versions = rows
    .map((r) => JSON.parse(r.json) as Record<string, unknown>)
    .filter((o) => typeof o.name === 'string' && o.name.includes('Enterprise'))
    .map((o) => o.x_mitre_version)
    .filter((v): v is string => typeof v === 'string');
  return versions.sort().at(-1);
}
