import { AppError } from '../core/errors.ts';
import { enrichmentOf, type Enrichment } from '../enrich/enrichment.ts';
import { cidrRange, parseObservable } from '../observables/index.ts';
import { TLP_LEVELS } from '../stix/markings.ts';
import { findObservable } from '../store/observables-repo.ts';
import { getObjects, type StoredObject } from '../store/objects-repo.ts';
import { provenanceOf, type ProvenanceEntry } from '../store/provenance-repo.ts';
import { neighbours } from '../store/relationships-repo.ts';
import { getScores } from '../store/scores-repo.ts';
import { lookupContext, type LookupContext } from './lookup-context.ts';
import { scoreSummary, type ScoreSummary } from '../score/decay.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';

export interface RelatedObject {
  relationship: string;
  direction: 'out' | 'in';
  id: string;
  type: string;
  name: string | null;
}

export interface LookupMatch {
  id: string;
  type: string;
  name: string | null;
  match: 'exact' | 'cidr';
  matchedValue: string;
  revoked: boolean;
  matchable: boolean | null;
  tlp: string;
  markings: string[];
  sources: Omit<ProvenanceEntry, 'objectId'>[];
  related: RelatedObject[];
  /** The latest stored score (`intel score` computes it), or null when never scored. */
  score: ScoreSummary | null;
  context: LookupContext;
}

/** With the value's enrichment: country and ASN for IPs, known-benign list hits. */
export interface LookupResult extends Enrichment {
  input: string;
  value: string;
  kind: string;
  flags: string[];
  known: boolean;
  matches: LookupMatch[];
}

function nameOf(o: StoredObject): string | null {
  const n = o.object.name ?? o.object.value;
  return typeof n === 'string' ? n : null;
}

async function relatedOf(store: Store, viewer: Viewer, id: string): Promise<RelatedObject[]> {
  const hops = await neighbours(store, id);
  const visible = new Map(
    (await getObjects(store, viewer, [...new Set(hops.map((h) => h.otherId))])).map((o) => [o.id, o]),
  );
  return hops.flatMap((h) => {
    const o = visible.get(h.otherId);
    return o
      ? [
          {
            relationship: h.relationshipType,
            direction: h.direction,
            id: o.id,
            type: o.type,
            name: nameOf(o),
          },
        ]
      : [];
  });
}

/**
 * Everything the store knows of one value, whatever its spelling (defanged, upper-case,
 * long IPv6, trailing dot, IDN): the objects that carry it or a network containing it,
 * their sources, markings and one-hop neighbours — of what the viewer may see.
 */
export async function lookup(store: Store, viewer: Viewer, input: string): Promise<LookupResult> {
  const obs = parseObservable(input);
  if (obs === null)
    throw new AppError('INVALID_INPUT', `${JSON.stringify(input)} is not a recognizable indicator value`);
  const ranged = obs.kind === 'ipv4' || obs.kind === 'ipv6' || obs.kind === 'cidr4' || obs.kind === 'cidr6';
  const hits = await findObservable(store, {
    kind: obs.kind,
    value: obs.value,
    ...(ranged ? { range: cidrRange(obs.kind as 'ipv4', obs.value) } : {}),
  });
  const objects = new Map(
    (await getObjects(store, viewer, [...new Set(hits.map((h) => h.objectId))])).map((o) => [o.id, o]),
  );
  const provenance = await provenanceOf(store, [...objects.keys()]);
  const scores = await getScores(store, viewer, [...objects.keys()]);
  const contexts = await lookupContext(store, viewer, [...objects.keys()]);
  const matches: LookupMatch[] = [];
  for (const h of hits) {
    const o = objects.get(h.objectId);
    if (!o) continue;
    const markings = Array.isArray(o.object.object_marking_refs)
      ? (o.object.object_marking_refs as string[])
      : [];
    matches.push({
      id: o.id,
      type: o.type,
      name: nameOf(o),
      match: h.match,
      matchedValue: h.value,
      revoked: o.revoked,
      matchable: o.matchable,
      tlp: TLP_LEVELS[o.tlp] ?? 'red',
      markings,
      sources: provenance.filter((p) => p.objectId === o.id).map(({ objectId: _, ...rest }) => rest),
      related: await relatedOf(store, viewer, o.id),
      score: scoreSummary(scores.get(o.id), new Date()),
      context: contexts.get(o.id)!,
    });
  }
  return {
    input,
    value: obs.value,
    kind: obs.kind,
    flags: obs.flags,
    known: matches.length > 0,
    matches,
    ...(await enrichmentOf(store, obs)),
  };
}
