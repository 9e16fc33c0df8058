import type { Store } from '../store/store.ts';
import { addVerdict, type Verdict } from '../store/verdicts-repo.ts';
import type { Viewer } from '../store/viewer.ts';
import { gatherEvidence } from './evidence.ts';
import { featuresOf } from './features.ts';
import type { ScoreSettings } from './settings.ts';
import { resolveTargets } from './targets.ts';

/**
 * Records an analyst's verdict on every object a value or id names, with the features each
 * had then (what training learns from). Unknown values are NOT_FOUND and record nothing.
 */
export async function recordVerdict(
  store: Store,
  viewer: Viewer,
  v: { input: string; verdict: Verdict; note?: string; settings: ScoreSettings; now: Date },
): Promise<{ objectIds: string[] }> {
  const { ids } = await resolveTargets(store, viewer, v.input);
  const evidence = await gatherEvidence(store, viewer, ids, v.settings);
  const byId = new Map(evidence.map((e) => [e.objectId, featuresOf(e)]));
  for (const id of ids)
    await addVerdict(store, {
      objectId: id,
      verdict: v.verdict,
      note: v.note ?? null,
      features: byId.get(id) ?? {},
      created: v.now.toISOString(),
    });
  return { objectIds: ids };
}
