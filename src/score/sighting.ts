import { AppError } from '../core/errors.ts';
import { addSighting } from '../store/sightings-repo.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';
import { scoreObjects } from './recompute.ts';
import type { ScoreResult } from './score.ts';
import type { ScoreSettings } from './settings.ts';
import { resolveTargets } from './targets.ts';

/**
 * Records a sighting of a known value and rescores the objects that carry it: a sighting
 * adds to the score and restarts its decay (MISP: the last sighting is the decay's t0).
 */
export async function recordSighting(
  store: Store,
  viewer: Viewer,
  s: { input: string; count: number; where?: string; seen?: string; settings: ScoreSettings; now: Date },
): Promise<ScoreResult[]> {
  if (!Number.isInteger(s.count) || s.count < 1)
    throw new AppError('USAGE', `--count must be a positive integer, not ${s.count}`);
  const seen = s.seen ?? s.now.toISOString();
  if (Number.isNaN(Date.parse(seen)) || !/^\d{4}-\d{2}-\d{2}/.test(seen))
    throw new AppError('USAGE', `--seen must be an ISO 8601 time, not ${JSON.stringify(seen)}`);
  const targets = await resolveTargets(store, viewer, s.input);
  if (!targets.observable)
    throw new AppError('USAGE', 'a sighting names a value (an IP, domain, hash…), not a STIX id');
  await addSighting(store, {
    ...targets.observable,
    count: s.count,
    seen: new Date(seen).toISOString(),
    where: s.where ?? null,
    recorded: s.now.toISOString(),
  });
  return scoreObjects(store, viewer, targets.ids, { settings: s.settings, now: s.now });
}
