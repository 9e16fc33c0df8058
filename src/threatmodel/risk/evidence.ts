import type { Stride } from '../model/rule-schema.ts';

/** What the engine tells an evidence source about one threat. */
export interface EvidenceRequest {
  threatId: string;
  ruleId: string;
  stride: Stride;
  attack: readonly string[];
  capec: readonly string[];
  cwe: readonly string[];
  elementIds: readonly string[];
  /** Technologies of the elements the threat is on (lower-case names). */
  technologies: readonly string[];
}

export interface LikelihoodAdjustment {
  /** Points added to (or taken from) the likelihood; the sum over all adjustments is bounded to ±2. */
  delta: number;
  explanation: string;
}

/**
 * The hook through which intelligence moves likelihoods: called once per threat, synchronously
 * (an implementation loads what it needs before analysis), returning explained adjustments.
 */
export interface LikelihoodEvidence {
  adjust(request: EvidenceRequest): readonly LikelihoodAdjustment[];
}

export const MAX_EVIDENCE_DELTA = 2;
