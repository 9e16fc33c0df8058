import {
  currentTechnique,
  ensureExternalRefs,
  getOrgProfile,
  ownExternalId,
} from '../../intel/knowledge/index.ts';
import type { OrgProfile } from '../../intel/knowledge/index.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from '../../store/viewer.ts';
import type { Rule } from '../model/rule-schema.ts';
import type { ThreatModel } from '../model/schema.ts';
import { BUILT_IN_RULES } from '../rules/library.ts';
import { technologyCves } from './technology-cves.ts';
import {
  actorActivity,
  actorTargets,
  attackPatternsById,
  currentObjects,
  techniqueUses,
  type ActorActivity,
} from './intel-queries.ts';
import type { IntelActor, IntelIndex, IntelOptions, IntelTechnique } from './intel-index.ts';

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * What makes an actor relevant to the organization, from its `targets` links only (ATT&CK
 * itself carries none; reports and feeds do): an identity whose `sectors` meet the profile's
 * sectors, a location whose `country` (ISO 3166-1 alpha-2) or `region` (STIX region-ov) is
 * the profile's. Descriptions are never parsed.
 */
function targetingLabels(target: Record<string, unknown>, org: OrgProfile): string[] {
  const sectors = strings(target.sectors).map((s) => s.toLowerCase());
  const country = typeof target.country === 'string' ? target.country.toUpperCase() : undefined;
  const region = typeof target.region === 'string' ? target.region.toLowerCase() : undefined;
  return [
    ...sectors.filter((s) => org.sectors.includes(s)),
    ...(country && org.countries.includes(country) ? [country] : []),
    ...(region && org.regions.includes(region) ? [region] : []),
  ];
}

async function relevantActors(store: Store, viewer: Viewer, org: OrgProfile): Promise<IntelActor[]> {
  if (org.sectors.length + org.countries.length + org.regions.length === 0) return [];
  const targeting = new Map<string, Set<string>>();
  for (const { actor, target } of await actorTargets(store, viewer)) {
    const labels = targetingLabels(target, org);
    if (labels.length > 0) targeting.set(actor, new Set([...(targeting.get(actor) ?? []), ...labels]));
  }
  const objects = await currentObjects(store, viewer, [...targeting.keys()]);
  const activity = await actorActivity(
    store,
    viewer,
    objects.map((o) => o.id),
  );
  const none: ActorActivity = { indicators: 0, sightings: 0, lastSighting: null };
  return objects
    .map((o) => ({
      id: o.id,
      type: o.type,
      name: typeof o.object.name === 'string' ? o.object.name : o.id,
      targeting: [...targeting.get(o.id)!].sort(),
      lastSeen: typeof o.object.last_seen === 'string' ? o.object.last_seen : null,
      activity: activity.get(o.id) ?? none,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function techniqueInfo(id: string, o: Record<string, unknown>): IntelTechnique | undefined {
  const externalId = ownExternalId(o);
  if (!externalId?.startsWith('T')) return undefined;
  const phases = Array.isArray(o.kill_chain_phases)
    ? (o.kill_chain_phases as { phase_name?: unknown }[])
    : [];
  return {
    id,
    externalId,
    name: typeof o.name === 'string' ? o.name : externalId,
    platforms: strings(o.x_mitre_platforms),
    tactics: phases.map((p) => p.phase_name).filter((p): p is string => typeof p === 'string'),
  };
}

/** Each rule technique id → the id that stands for it today (a revoked one → its replacement). */
async function resolveRuleTechniques(
  store: Store,
  viewer: Viewer,
  ids: string[],
): Promise<Map<string, string>> {
  const out = new Map(ids.map((id) => [id, id]));
  const byId = await attackPatternsById(store, ids);
  for (const [externalId, objectIds] of byId) {
    const resolved = await currentTechnique(store, viewer, objectIds[0]!);
    const current = resolved?.current?.externalId;
    if (current && current !== externalId) out.set(externalId, current);
  }
  return out;
}

/** The groups relevant to the organization, the current techniques they use, and who uses which. */
export async function gatherAdversary(
  store: Store,
  viewer: Viewer,
): Promise<Pick<IntelIndex, 'actors' | 'usedBy' | 'techniques'>> {
  const actors = await relevantActors(store, viewer, await getOrgProfile(store));
  const uses = await techniqueUses(
    store,
    viewer,
    actors.map((a) => a.id),
  );
  const techniques = new Map<string, IntelTechnique>();
  for (const o of await currentObjects(
    store,
    viewer,
    uses.map((u) => u.technique),
  )) {
    const info = techniqueInfo(o.id, o.object);
    if (info) techniques.set(o.id, info);
  }
  const byActor = new Map(actors.map((a) => [a.id, a]));
  const usedBy = new Map<string, { actor: IntelActor; technique: IntelTechnique }[]>();
  for (const u of uses) {
    const actor = byActor.get(u.actor);
    const technique = techniques.get(u.technique);
    if (!actor || !technique) continue;
    // A sub-technique's use counts for its parent too (T1566 covers T1566.001).
    for (const key of new Set([technique.externalId, technique.externalId.split('.')[0]!]))
      usedBy.set(key, [...(usedBy.get(key) ?? []), { actor, technique }]);
  }
  return { actors, usedBy, techniques: [...techniques.values()] };
}

/**
 * Reads, once and asynchronously, everything the intelligence evidence needs for a model:
 * the groups relevant to the organization with their activity, the techniques they use, the
 * current ids of the rules' techniques, and the notable CVEs of the model's technologies.
 */
export async function gatherIntel(
  store: Store,
  viewer: Viewer,
  model: ThreatModel,
  opts: IntelOptions = {},
): Promise<IntelIndex> {
  await ensureExternalRefs(store);
  const rules: readonly Rule[] = [...(opts.rules ?? BUILT_IN_RULES), ...model.rules];
  const ruleTechniques = [...new Set(rules.flatMap((r) => r.attack))].sort();
  return {
    asOf: opts.asOf ?? new Date(),
    recentDays: opts.recentDays ?? 90,
    resolved: await resolveRuleTechniques(store, viewer, ruleTechniques),
    ...(await gatherAdversary(store, viewer)),
    cves: await technologyCves(store, model, opts.epssThreshold ?? 0.5),
  };
}
