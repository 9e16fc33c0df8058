import { externalIdsOf, objectsWithExternalId } from '../../store/external-refs-repo.ts';
import { getObjects } from '../../store/objects-repo.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from '../../store/viewer.ts';
import { getWeaknesses, weaknessesWithCapec } from '../../store/weaknesses-repo.ts';
import { isCurrent } from './attack-object.ts';
import { ensureExternalRefs } from './external-index.ts';

/** One link between framework ids, and the data set that states it. */
export interface KnowledgeLink {
  from: string;
  to: string;
  /** `cwe`: the CWE catalog's Related_Attack_Patterns; `capec`: the CAPEC pattern's references; `attack`: an ATT&CK technique's CAPEC reference. */
  source: 'cwe' | 'capec' | 'attack';
}

const ATTACK_SOURCES = ['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack'];

/** The ids, on objects `source` of the viewer can see and that are current, linked to `id`. */
async function viaObjects(
  store: Store,
  viewer: Viewer,
  opts: { id: string; idSources: string[]; otherSources: string[] },
): Promise<string[]> {
  await ensureExternalRefs(store);
  const holders = (await objectsWithExternalId(store, opts.id, opts.idSources)).map((r) => r.object_id);
  const visible = (await getObjects(store, viewer, holders))
    .filter((o) => isCurrent(o.object))
    .map((o) => o.id);
  return [...new Set((await externalIdsOf(store, visible, opts.otherSources)).map((r) => r.external_id))];
}

/** The links from `from` to each id of each data set, once each, in id order. */
function linked(from: string, sets: [string[], KnowledgeLink['source']][]): KnowledgeLink[] {
  const links = sets.flatMap(([ids, source]) => ids.map((to) => ({ from, to, source })));
  const seen = new Map(links.map((l) => [`${l.to}|${l.source}`, l]));
  return [...seen.values()].sort(
    (a, b) => a.to.localeCompare(b.to, 'en', { numeric: true }) || a.source.localeCompare(b.source),
  );
}

/** CWE → CAPEC: the CWE catalog's related attack patterns and the CAPEC patterns citing the CWE. */
export async function capecsOfWeakness(store: Store, viewer: Viewer, cwe: string): Promise<KnowledgeLink[]> {
  const [w] = await getWeaknesses(store, [cwe]);
  const fromCwe = w?.capecs ? (JSON.parse(w.capecs) as string[]) : [];
  const fromCapec = await viaObjects(store, viewer, { id: cwe, idSources: ['cwe'], otherSources: ['capec'] });
  return linked(cwe, [
    [fromCwe, 'cwe'],
    [fromCapec, 'capec'],
  ]);
}

/** CAPEC → CWE: the pattern's CWE references and the CWE entries naming the pattern. */
export async function weaknessesOfCapec(
  store: Store,
  viewer: Viewer,
  capec: string,
): Promise<KnowledgeLink[]> {
  const fromCapec = await viaObjects(store, viewer, {
    id: capec,
    idSources: ['capec'],
    otherSources: ['cwe'],
  });
  const fromCwe = (await weaknessesWithCapec(store, capec)).map((w) => w.cwe);
  return linked(capec, [
    [fromCapec, 'capec'],
    [fromCwe, 'cwe'],
  ]);
}

/** CAPEC → ATT&CK technique ids: the pattern's ATT&CK references and techniques citing it. */
export async function techniquesOfCapec(
  store: Store,
  viewer: Viewer,
  capec: string,
): Promise<KnowledgeLink[]> {
  const fromCapec = await viaObjects(store, viewer, {
    id: capec,
    idSources: ['capec'],
    otherSources: ['attack'],
  });
  const fromAttack = await viaObjects(store, viewer, {
    id: capec,
    idSources: ['capec'],
    otherSources: ATTACK_SOURCES,
  });
  return linked(capec, [
    [fromCapec, 'capec'],
    [fromAttack.filter((t) => /^T\d/.test(t)), 'attack'],
  ]);
}

/** ATT&CK technique id → CAPEC ids, both ways the data states it. */
export async function capecsOfTechnique(
  store: Store,
  viewer: Viewer,
  technique: string,
): Promise<KnowledgeLink[]> {
  const fromCapec = await viaObjects(store, viewer, {
    id: technique,
    idSources: ['attack'],
    otherSources: ['capec'],
  });
  const fromAttack = await viaObjects(store, viewer, {
    id: technique,
    idSources: ATTACK_SOURCES,
    otherSources: ['capec'],
  });
  return linked(technique, [
    [fromCapec, 'capec'],
    [fromAttack, 'attack'],
  ]);
}
