import { FEATURES, type Feature, type FeatureVector } from './features.ts';

/**
 * A logistic model over standardized features: logit = bias + Σ w·(x − mean)/sd, and the
 * base score is 100·σ(logit). Version 0 is the hand-set prior; trained ones count from 1.
 */
export interface ScoreModel {
  version: number;
  bias: number;
  weights: FeatureVector;
  means: FeatureVector;
  sds: FeatureVector;
}

const zeros = (): FeatureVector => Object.fromEntries(FEATURES.map((f) => [f, 0])) as FeatureVector;
const ones = (): FeatureVector => Object.fromEntries(FEATURES.map((f) => [f, 1])) as FeatureVector;

/**
 * The documented default prior, in effect until a model is trained on analyst verdicts.
 * Raw features, no standardization. One B-rated source and nothing else gives ≈ 60; each
 * further source, sighting, linked actor, targeting of the org, KEV listing or EPSS
 * probability adds; a known-benign hit takes ≈ 6 logits off (and caps the score, see score.ts).
 */
export const PRIOR_MODEL: ScoreModel = {
  version: 0,
  bias: -0.5,
  weights: {
    sources: 1.0,
    confidence: 2.0,
    sightings: 0.7,
    benign: -6.0,
    actors: 0.8,
    targeting: 1.0,
    kev: 2.0,
    epss: 3.0,
  },
  means: zeros(),
  sds: ones(),
};

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The logit and each feature's contribution to it. */
export function applyModel(
  m: ScoreModel,
  x: FeatureVector,
): { logit: number; contributions: Record<Feature, number> } {
  const contributions = zeros();
  let logit = m.bias;
  for (const f of FEATURES) {
    const c = (m.weights[f] * (x[f] - m.means[f])) / (m.sds[f] || 1);
    contributions[f] = c;
    logit += c;
  }
  return { logit, contributions };
}

/** A stored model read back, checked field by field (a damaged row is not half-used). */
export function parseModel(version: number, raw: unknown): ScoreModel {
  const r = raw as Partial<ScoreModel> | null;
  const vec = (v: unknown): FeatureVector => {
    const out = zeros();
    for (const f of FEATURES) {
      const n = (v as Record<string, unknown> | undefined)?.[f];
      if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`score model ${version}: bad ${f}`);
      out[f] = n;
    }
    return out;
  };
  if (typeof r?.bias !== 'number') throw new Error(`score model ${version}: no bias`);
  return { version, bias: r.bias, weights: vec(r.weights), means: vec(r.means), sds: vec(r.sds) };
}
