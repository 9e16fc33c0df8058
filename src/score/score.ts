import { daysToThreshold, decayed } from './decay.ts';
import { detailsOf, featuresOf, FEATURES, type Feature } from './features.ts';
import type { Evidence } from './evidence.ts';
import { applyModel, sigmoid, type ScoreModel } from './model.ts';
import { decayFor, type ScoreSettings } from './settings.ts';

/** A value on a known-benign list never scores above this, whatever feeds report it. */
export const BENIGN_CAP = 10;
const DAY = 86_400_000;

export interface Factor {
  name: Feature;
  value: number;
  detail: string;
  /** Logit points this factor adds (negative: takes away). */
  contribution: number;
  /** Signed share of all contributions, −1…1. */
  share: number;
}

export interface ScoreResult {
  objectId: string;
  score: number;
  /** Score before decay and caps, 0–100. */
  base: number;
  factors: Factor[];
  decay: { t0: string; ageDays: number; lifetimeDays: number; speed: number; multiplier: number };
  cap: string | null;
  decaysAt: string | null;
  modelVersion: number;
}

/** The score of one object, with every factor and its share, decayed from its last report or sighting. */
export function scoreOf(
  e: Evidence,
  opts: { model: ScoreModel; settings: ScoreSettings; now: Date },
): ScoreResult {
  const x = featuresOf(e);
  const details = detailsOf(e);
  const { logit, contributions } = applyModel(opts.model, x);
  const total = FEATURES.reduce((n, f) => n + Math.abs(contributions[f]), 0) || 1;
  const factors = FEATURES.map((f) => ({
    name: f,
    value: x[f],
    detail: details[f],
    contribution: round(contributions[f]),
    share: round(contributions[f] / total),
  }));
  const base = 100 * sigmoid(logit);
  const t0 =
    [e.sightings.last, e.lastReported]
      .filter((t): t is string => !!t)
      .sort()
      .at(-1) ?? opts.now.toISOString();
  const params = decayFor(opts.settings, e.kind);
  const ageDays = Math.max(0, (opts.now.getTime() - Date.parse(t0)) / DAY);
  const capped = e.benign.length > 0 ? Math.min(base, BENIGN_CAP) : base;
  const score = decayed(capped, ageDays, params);
  const days = daysToThreshold(capped, opts.settings.threshold, params);
  return {
    objectId: e.objectId,
    score: Math.round(score),
    base: round(base),
    factors,
    decay: { t0, ageDays: round(ageDays), ...params, multiplier: capped > 0 ? round(score / capped) : 0 },
    cap: capped < base ? `known-benign: capped at ${BENIGN_CAP}` : null,
    decaysAt: new Date(Date.parse(t0) + days * DAY).toISOString(),
    modelVersion: opts.model.version,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
