import { loadOrgProfile } from '../correlate/knowledge.ts';
import { actorLinks, targetedOrg, type ActorLink } from '../score/links.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';

/** Who stands behind an object, and whether they target the organization. */
export interface LookupContext {
  /** Intrusion sets, threat actors, campaigns, malware and tools one hop away. */
  actors: ActorLink[];
  /** The organization's sectors and countries those actors target (`sector …`, `country …`). */
  targeting: string[];
  /** True when an actor behind the object targets the organization's profile. */
  relevant: boolean;
}

/** The context of each object, read with two bounded queries for all of them at once. */
export async function lookupContext(
  store: Store,
  viewer: Viewer,
  ids: string[],
): Promise<Map<string, LookupContext>> {
  const links = await actorLinks(store, viewer, ids);
  const actorIds = [...new Set([...links.values()].flat().map((a) => a.id))];
  const targets = await targetedOrg(store, viewer, actorIds, await loadOrgProfile(store));
  const out = new Map<string, LookupContext>();
  for (const id of ids) {
    const actors = links.get(id) ?? [];
    const targeting = [...new Set(actors.flatMap((a) => targets.get(a.id) ?? []))];
    out.set(id, { actors, targeting, relevant: targeting.length > 0 });
  }
  return out;
}
