import type { Store } from '../../store/store.ts';
import type { Viewer } from '../../store/viewer.ts';
import type { ThreatModel } from '../model/schema.ts';
import type { EvidenceRequest, LikelihoodAdjustment, LikelihoodEvidence } from '../risk/evidence.ts';
import { gatherIntel } from './gather.ts';
import type { IntelActor, IntelIndex, IntelOptions, NotableCve } from './intel-index.ts';

/** Every explanation of this provider starts so; reports and tests tell intel factors by it. */
export const INTEL_PREFIX = 'intel: ';

/**
 * Techniques that are the exploitation of a software flaw: a known-exploited CVE on the
 * element makes these threats likelier, whatever the CVE's weakness (ATT&CK T1190 Exploit
 * Public-Facing Application, T1203 client execution, T1210 remote services, T1211 defense
 * evasion, T1212 credential access, T1068 privilege escalation).
 */
const EXPLOITATION = new Set(['T1190', 'T1203', 'T1210', 'T1211', 'T1212', 'T1068']);
const MAX_NAMED = 3;

const list = (xs: readonly string[]) =>
  xs.length <= MAX_NAMED
    ? xs.join(', ')
    : `${xs.slice(0, MAX_NAMED).join(', ')} and ${xs.length - MAX_NAMED} more`;

function groupsUsing(index: IntelIndex, req: EvidenceRequest): Map<IntelActor, Set<string>> {
  const out = new Map<IntelActor, Set<string>>();
  for (const id of req.attack) {
    const current = index.resolved.get(id) ?? id;
    for (const { actor, technique } of index.usedBy.get(current) ?? [])
      out.set(actor, new Set([...(out.get(actor) ?? []), technique.externalId]));
  }
  return out;
}

function groupAdjustment(groups: Map<IntelActor, Set<string>>): LikelihoodAdjustment {
  const actors = [...groups.keys()];
  const targeting = [...new Set(actors.flatMap((a) => a.targeting))].sort();
  const techniques = [...new Set([...groups.values()].flatMap((s) => [...s]))].sort();
  const indicators = actors.reduce((n, a) => n + a.activity.indicators, 0);
  const sightings = actors.reduce((n, a) => n + a.activity.sightings, 0);
  const who = actors.length === 1 ? 'a group' : `${actors.length} groups`;
  const linked =
    indicators + sightings > 0
      ? `; ${indicators} indicator(s) and ${sightings} sighting(s) linked to them`
      : '';
  return {
    delta: 1,
    explanation: `${INTEL_PREFIX}${who} targeting ${list(targeting)} (${list(actors.map((a) => a.name))}) ${actors.length === 1 ? 'uses' : 'use'} ${list(techniques)}${linked}`,
  };
}

function lastActive(a: IntelActor): string | null {
  const times = [a.lastSeen, a.activity.lastSighting].filter((t): t is string => t !== null && t !== '');
  return times.sort().at(-1) ?? null;
}

function recencyAdjustment(index: IntelIndex, actors: IntelActor[]): LikelihoodAdjustment | undefined {
  const since = new Date(index.asOf.getTime() - index.recentDays * 86_400_000).toISOString();
  const recent = actors
    .map((a) => ({ a, last: lastActive(a) }))
    .filter((x): x is { a: IntelActor; last: string } => x.last !== null && x.last >= since)
    .sort((x, y) => y.last.localeCompare(x.last));
  if (recent.length === 0) return undefined;
  const named = recent.map((x) => `${x.a.name} (last seen ${x.last.slice(0, 10)})`);
  return {
    delta: 1,
    explanation: `${INTEL_PREFIX}active within the last ${index.recentDays} days: ${list(named)}`,
  };
}

function cveAdjustment(index: IntelIndex, req: EvidenceRequest): LikelihoodAdjustment | undefined {
  const exploitation = req.attack.some((id) =>
    EXPLOITATION.has((index.resolved.get(id) ?? id).split('.')[0]!),
  );
  const hits: { tech: string; cve: NotableCve }[] = [];
  for (const tech of req.technologies)
    for (const cve of index.cves.get(tech) ?? [])
      if (exploitation || cve.cwes.some((w) => req.cwe.includes(w))) hits.push({ tech, cve });
  if (hits.length === 0) return undefined;
  hits.sort((a, b) => Number(b.cve.kev) - Number(a.cve.kev) || (b.cve.epss ?? 0) - (a.cve.epss ?? 0));
  const described = hits.map(({ tech, cve }) =>
    cve.kev
      ? `${cve.cve} on the element's ${tech} is in KEV`
      : `${cve.cve} on the element's ${tech} has EPSS ${cve.epss}`,
  );
  return { delta: 1, explanation: `${INTEL_PREFIX}${list([...new Set(described)])}` };
}

/**
 * The likelihood evidence over a gathered index (synchronous, as the engine requires). For
 * one threat: +1 when groups targeting the organization use its techniques (or their
 * sub-techniques), +1 more when one of them was active recently, +1 when a KEV or high-EPSS
 * CVE sits on the technologies of its elements and the threat is an exploitation or shares
 * the CVE's weakness. No evidence, no adjustment: the rating stays exactly the plain one.
 */
export function createIntelEvidence(index: IntelIndex): LikelihoodEvidence {
  return {
    adjust(req) {
      const out: LikelihoodAdjustment[] = [];
      const groups = groupsUsing(index, req);
      if (groups.size > 0) {
        out.push(groupAdjustment(groups));
        const recent = recencyAdjustment(index, [...groups.keys()]);
        if (recent) out.push(recent);
      }
      const cve = cveAdjustment(index, req);
      if (cve) out.push(cve);
      return out;
    },
  };
}

/** Gathers the store's intelligence for a model, then returns the synchronous evidence over it. */
export async function buildIntelEvidence(
  store: Store,
  viewer: Viewer,
  model: ThreatModel,
  opts: IntelOptions = {},
): Promise<LikelihoodEvidence> {
  return createIntelEvidence(await gatherIntel(store, viewer, model, opts));
}
