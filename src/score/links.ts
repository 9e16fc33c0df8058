import type { OrgProfile } from '../correlate/knowledge.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';

const ACTOR_TYPES = ['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool'];
/** Links read per batch of objects: a value related to a huge cluster still costs one bounded read. */
const MAX_LINKS = 5000;

export interface ActorLink {
  id: string;
  type: string;
  name: string | null;
}

const isActor = (id: string) => ACTOR_TYPES.some((t) => id.startsWith(`${t}--`));

/** The actors, campaigns and malware one hop from each object (either direction), visible to the viewer. */
export async function actorLinks(
  store: Store,
  viewer: Viewer,
  ids: string[],
): Promise<Map<string, ActorLink[]>> {
  const out = new Map<string, ActorLink[]>();
  if (ids.length === 0) return out;
  const [outgoing, incoming] = await Promise.all([
    store.db
      .selectFrom('relationships')
      .select(['source_ref as self', 'target_ref as other'])
      .where('source_ref', 'in', ids)
      .limit(MAX_LINKS)
      .execute(),
    store.db
      .selectFrom('relationships')
      .select(['target_ref as self', 'source_ref as other'])
      .where('target_ref', 'in', ids)
      .limit(MAX_LINKS)
      .execute(),
  ]);
  const pairs = [...outgoing, ...incoming].filter((p) => isActor(p.other));
  if (pairs.length === 0) return out;
  const actors = new Map(
    (
      await store.db
        .selectFrom('objects')
        .select(['id', 'type', 'name'])
        .where('id', 'in', [...new Set(pairs.map((p) => p.other))])
        .where('tlp', '<=', viewer.maxTlp)
        .where('revoked', '=', 0)
        .execute()
    ).map((a) => [a.id, a]),
  );
  for (const p of pairs) {
    const a = actors.get(p.other);
    if (!a) continue;
    const list = out.get(p.self) ?? [];
    if (!list.some((x) => x.id === a.id)) list.push(a);
    out.set(p.self, list);
  }
  return out;
}

/**
 * Which of the org's sectors and countries these actors target, read from their `targets`
 * relationships to identities (`sectors`) and locations (`country`, ISO 3166-1 alpha-2).
 * ATT&CK carries no targeting, so on ATT&CK alone this finds nothing; reports and feeds do.
 */
export async function targetedOrg(
  store: Store,
  viewer: Viewer,
  actorIds: string[],
  org: OrgProfile | undefined,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!org || actorIds.length === 0) return out;
  const rows = await store.db
    .selectFrom('relationships as r')
    .innerJoin('objects as o', 'o.id', 'r.target_ref')
    .select(['r.source_ref', 'o.json'])
    .where('r.source_ref', 'in', actorIds)
    .where('r.relationship_type', '=', 'targets')
    .where('o.type', 'in', ['identity', 'location'])
    .where('o.tlp', '<=', viewer.maxTlp)
    .limit(MAX_LINKS)
    .execute();
  for (const r of rows) {
    const o = JSON.parse(r.json) as { sectors?: unknown; country?: unknown };
    const sectors = Array.isArray(o.sectors) ? o.sectors.map((s) => String(s).toLowerCase()) : [];
    const country = typeof o.country === 'string' ? [o.country.toLowerCase()] : [];
    const hits = [
      ...sectors.filter((s) => org.sectors.includes(s)).map((s) => `sector ${s}`),
      ...country.filter((c) => org.countries.includes(c)).map((c) => `country ${c.toUpperCase()}`),
    ];
    if (hits.length > 0) out.set(r.source_ref, [...new Set([...(out.get(r.source_ref) ?? []), ...hits])]);
  }
  return out;
}
