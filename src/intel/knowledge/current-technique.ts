import { getObject } from '../../store/objects-repo.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from '../../store/viewer.ts';
import { toAttackObject, type AttackObject } from './attack-object.ts';

/** Revocation chains in ATT&CK are one or two hops; anything longer is a loop or an attack. */
const MAX_HOPS = 16;

export interface CurrentResolution {
  /** The object asked for. */
  requested: AttackObject;
  /** What stands for it today: itself when current, its replacement when revoked. */
  current: AttackObject | undefined;
  /** The ids followed through `revoked-by`, the requested one first. */
  chain: string[];
  /** True when the end of the chain is deprecated (it has no replacement). */
  deprecated: boolean;
}

async function revokedBy(store: Store, id: string): Promise<string | undefined> {
  const row = await store.db
    .selectFrom('relationships')
    .select('target_ref')
    .where('source_ref', '=', id)
    .where('relationship_type', '=', 'revoked-by')
    .orderBy('target_ref')
    .executeTakeFirst();
  return row?.target_ref;
}

/**
 * Follows `revoked-by` relationships from an object (a technique, group, software…) to the
 * object that replaces it, cycle-safe. `current` is undefined when the chain ends at a revoked
 * object with no replacement, or at a deprecated one; revoked and deprecated objects are never
 * returned as current.
 */
export async function currentTechnique(
  store: Store,
  viewer: Viewer,
  id: string,
): Promise<CurrentResolution | undefined> {
  const first = await getObject(store, viewer, id);
  if (!first) return undefined;
  const requested = toAttackObject(first);
  const chain = [id];
  let at = requested;
  while (at.revoked && chain.length <= MAX_HOPS) {
    const next = await revokedBy(store, at.id);
    if (!next || chain.includes(next)) break;
    const obj = await getObject(store, viewer, next);
    if (!obj) break;
    chain.push(next);
    at = toAttackObject(obj);
  }
  const current = at.revoked || at.deprecated ? undefined : at;
  return { requested, current, chain, deprecated: at.deprecated };
}
