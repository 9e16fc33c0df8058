import { createHash } from 'node:crypto';
import { canonicalJson } from '../../stix/jcs.ts';
import { latestAnalysis, saveAnalysis } from '../../store/analyses-repo.ts';
import type { Store } from '../../store/store.ts';
import type { Viewer } from '../../store/viewer.ts';
import type { Analysis } from '../engine/analysis.ts';
import type { ThreatModel } from '../model/schema.ts';
import { analyzeWithIntel, type IntelAnalysis } from './analyze-with-intel.ts';
import { driftBetween, type RiskMove } from './drift.ts';
import type { IntelOptions } from './intel-index.ts';

export interface DriftReport {
  model: string;
  /** The saved analysis compared with, or null on the first run. */
  baseline: { id: number; created: string; modelVersion: string; modelChanged: boolean } | null;
  moved: RiskMove[];
  /** Id of the analysis saved by this run (the next baseline). */
  savedId: number;
}

/** SHA-256 of the model's RFC 8785 canonical JSON. */
export const modelDigest = (model: ThreatModel) =>
  createHash('sha256')
    .update(canonicalJson(JSON.parse(JSON.stringify(model)) as Record<string, unknown>))
    .digest('hex');

/** Saves an analysis of a model under its name: a baseline for later drift reports. */
export function saveModelAnalysis(
  store: Store,
  s: { name: string; model: ThreatModel; analysis: Analysis; now: string },
): Promise<number> {
  return saveAnalysis(store, {
    modelName: s.name,
    modelVersion: s.model.version,
    modelDigest: modelDigest(s.model),
    created: s.now,
    result: JSON.stringify(s.analysis),
  });
}

/**
 * Re-analyzes a model against the current intelligence, reports the risks that moved since
 * its last saved analysis and why, and saves the new analysis as the next baseline.
 */
export async function modelDrift(
  store: Store,
  viewer: Viewer,
  d: { name: string; model: ThreatModel; now: string } & IntelOptions,
): Promise<DriftReport & { analysis: IntelAnalysis }> {
  const previous = await latestAnalysis(store, d.name);
  const { analysis } = await analyzeWithIntel(store, viewer, d.model, d);
  const moved = previous ? driftBetween(JSON.parse(previous.result) as Analysis, analysis) : [];
  const savedId = await saveModelAnalysis(store, { name: d.name, model: d.model, analysis, now: d.now });
  const baseline = previous
    ? {
        id: previous.id,
        created: previous.created,
        modelVersion: previous.modelVersion,
        modelChanged: previous.modelDigest !== modelDigest(d.model),
      }
    : null;
  return { model: d.name, baseline, moved, savedId, analysis };
}
