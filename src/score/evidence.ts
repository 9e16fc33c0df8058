import { vulnerabilityFacts } from '../correlate/knowledge.ts';
import { observablesWithObjects } from '../store/observables-repo.ts';
import { provenanceWithSources } from '../store/provenance-repo.ts';
import { sightingTotals } from '../store/sightings-repo.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';
import { benignHits, type BenignHit } from './known-benign.ts';
import { actorLinks, targetedOrg, type ActorLink } from './links.ts';
import type { ScoreSettings } from './settings.ts';
import { stixSightings } from './stix-sightings.ts';

/** Everything the score of one object is computed from. */
export interface Evidence {
  objectId: string;
  kind: string;
  value: string;
  /** Distinct sources that reported this object or another carrying the same value. */
  sources: { name: string; reliability: string | null }[];
  confidence: number | null;
  lastReported: string | null;
  sightings: { count: number; last: string | null };
  benign: BenignHit[];
  actors: ActorLink[];
  targeting: string[];
  kev: boolean;
  epss: number | null;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** The evidence of each object that carries an observable value (others are not scored). */
export async function gatherEvidence(
  store: Store,
  viewer: Viewer,
  ids: string[],
  settings: Pick<ScoreSettings, 'org'>,
): Promise<Evidence[]> {
  if (ids.length === 0) return [];
  const objects = await store.db
    .selectFrom('objects')
    .select(['id', 'confidence'])
    .where('id', 'in', ids)
    .where('tlp', '<=', viewer.maxTlp)
    .execute();
  const own = await observablesWithObjects(store)
    .select(['o.id as object_id', 'v.value', 'v.kind'])
    .where(
      'o.id',
      'in',
      objects.map((o) => o.id),
    )
    .execute();
  const primary = new Map<string, { value: string; kind: string }>();
  for (const r of own) if (!primary.has(r.object_id)) primary.set(r.object_id, r);
  const values = [...primary.values()];
  const siblings =
    values.length === 0
      ? []
      : await observablesWithObjects(store)
          .select(['o.id as object_id', 'v.value', 'v.kind'])
          .where('v.value', 'in', [...new Set(values.map((v) => v.value))])
          .where('o.tlp', '<=', viewer.maxTlp)
          .limit(ids.length * 50)
          .execute();
  const carriers = new Map<string, Set<string>>();
  for (const s of siblings) {
    const key = `${s.kind}:${s.value}`;
    carriers.set(key, (carriers.get(key) ?? new Set()).add(s.object_id));
  }
  const allIds = [...new Set([...primary.keys(), ...siblings.map((s) => s.object_id)])];
  const prov =
    allIds.length === 0
      ? []
      : await provenanceWithSources(store)
          .select(['o.id as object_id', 's.name', 'p.reliability', 'p.last_seen'])
          .where('o.id', 'in', allIds)
          .execute();
  const [manual, stix, benign, links, facts] = await Promise.all([
    sightingTotals(store, values),
    stixSightings(store, viewer, allIds),
    benignHits(store, values),
    actorLinks(store, viewer, allIds),
    vulnerabilityFacts(
      store,
      values.filter((v) => v.kind === 'cve').map((v) => v.value),
    ),
  ]);
  const actorIds = [...new Set([...links.values()].flat().map((a) => a.id))];
  const targets = await targetedOrg(store, viewer, actorIds, settings.org);

  return objects.flatMap((o) => {
    const v = primary.get(o.id);
    if (!v) return [];
    const key = `${v.kind}:${v.value}`;
    const group = carriers.get(key) ?? new Set([o.id]);
    const sources = new Map<string, string | null>();
    let lastReported: string | null = null;
    for (const p of prov.filter((p) => group.has(p.object_id))) {
      if (!sources.has(p.name) || p.reliability !== null) sources.set(p.name, p.reliability);
      lastReported = later(lastReported, p.last_seen);
    }
    const sighted = [manual.get(key), ...[...group].map((id) => stix.get(id))].filter((s) => s !== undefined);
    const actors = [
      ...new Map([...group].flatMap((id) => links.get(id) ?? []).map((a) => [a.id, a])).values(),
    ];
    return [
      {
        objectId: o.id,
        kind: v.kind,
        value: v.value,
        sources: [...sources].map(([name, reliability]) => ({ name, reliability })),
        confidence: o.confidence === null ? null : Number(o.confidence),
        lastReported,
        sightings: {
          count: sighted.reduce((n, s) => n + s.count, 0),
          last: sighted.reduce<string | null>((l, s) => later(l, s.last || null), null),
        },
        benign: benign.get(key) ?? [],
        actors,
        targeting: [...new Set(actors.flatMap((a) => targets.get(a.id) ?? []))],
        kev: facts.get(v.value.toUpperCase())?.kev ?? false,
        epss: facts.get(v.value.toUpperCase())?.epss ?? null,
      },
    ];
  });
}
