import { readWarninglists, warninglistsFingerprint } from '../../store/warninglists-repo.ts';
import type { Store } from '../../store/store.ts';
import { WarninglistMatcher } from './matcher.ts';

const cache = new WeakMap<Store, { fingerprint: string; matcher: WarninglistMatcher | null }>();

/**
 * The matcher of the lists in the store, built once per store and rebuilt only when the
 * lists change (in this process or another): each call costs one small query of list
 * digests. Null when no list is loaded.
 */
export async function warninglistMatcher(store: Store): Promise<WarninglistMatcher | null> {
  const fingerprint = await warninglistsFingerprint(store);
  const cached = cache.get(store);
  if (cached?.fingerprint === fingerprint) return cached.matcher;
  const matcher = fingerprint === '' ? null : new WarninglistMatcher(await readWarninglists(store));
  cache.set(store, { fingerprint, matcher });
  return matcher;
}
