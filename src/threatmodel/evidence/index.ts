/** The model meets the intelligence: evidence for likelihoods, suggestions, drift. */
export { analyzeWithIntel, type IntelAnalysis } from './analyze-with-intel.ts';
export { driftBetween, type RiskMove } from './drift.ts';
export { gatherAdversary, gatherIntel } from './gather.ts';
export { buildIntelEvidence, createIntelEvidence, INTEL_PREFIX } from './intel-evidence.ts';
export type { IntelActor, IntelIndex, IntelOptions, IntelTechnique, NotableCve } from './intel-index.ts';
export { attackVersion } from './intel-queries.ts';
export { modelDigest, modelDrift, saveModelAnalysis, type DriftReport } from './model-drift.ts';
export { orgTechniqueUses } from './org-techniques.ts';
export { elementPlatforms } from './platforms.ts';
export { suggestFromAdversary, type Suggestion } from './suggestions.ts';
