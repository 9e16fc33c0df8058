import type { Store } from '../../store/store.ts';
import type { Viewer } from '../../store/viewer.ts';
import type { Analysis, AnalyzeOptions } from '../engine/analysis.ts';
import { analyzeModel } from '../engine/analyze.ts';
import type { ThreatModel } from '../model/schema.ts';
import { gatherIntel } from './gather.ts';
import { createIntelEvidence } from './intel-evidence.ts';
import type { IntelIndex, IntelOptions } from './intel-index.ts';
import { suggestFromAdversary, type Suggestion } from './suggestions.ts';

/** An analysis with the store's intelligence, and the techniques of relevant groups it misses. */
export type IntelAnalysis = Analysis & { suggestions: Suggestion[] };

/**
 * Analyzes a model with likelihoods moved by the store's intelligence (see `createIntelEvidence`);
 * also returns the gathered index (current technique ids, relevant groups) for reports.
 */
export async function analyzeWithIntel(
  store: Store,
  viewer: Viewer,
  model: ThreatModel,
  opts: IntelOptions & Omit<AnalyzeOptions, 'evidence'> = {},
): Promise<{ analysis: IntelAnalysis; index: IntelIndex }> {
  const index = await gatherIntel(store, viewer, model, opts);
  const analysis = analyzeModel(model, { ...opts, evidence: createIntelEvidence(index) });
  return { analysis: { ...analysis, suggestions: suggestFromAdversary(index, model, analysis) }, index };
}
