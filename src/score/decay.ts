import type { StoredScore } from '../store/scores-repo.ts';
import type { ObservableKind } from '../observables/index.ts';

/** One kind's decay: lifetime τ in days and speed δ of MISP's polynomial model. */
export interface DecayParams {
  lifetimeDays: number;
  speed: number;
}

/**
 * Default lifetimes per kind, from OpenCTI's built-in decay rules (reference
 * threat-intel-platforms.md §1b-formulas: L days, δ = 3·p): IPs and URLs 47 d, domains
 * 300 d, file hashes 460 d, anything else 470 d. CVEs stay relevant for years: 1,825 d.
 */
export const DEFAULT_DECAY: Record<ObservableKind | 'default', DecayParams> = {
  ipv4: { lifetimeDays: 47, speed: 1.65 },
  ipv6: { lifetimeDays: 47, speed: 1.65 },
  cidr4: { lifetimeDays: 47, speed: 1.65 },
  cidr6: { lifetimeDays: 47, speed: 1.65 },
  url: { lifetimeDays: 47, speed: 1.65 },
  domain: { lifetimeDays: 300, speed: 2.1 },
  email: { lifetimeDays: 300, speed: 2.1 },
  md5: { lifetimeDays: 460, speed: 0.9 },
  sha1: { lifetimeDays: 460, speed: 0.9 },
  sha256: { lifetimeDays: 460, speed: 0.9 },
  sha512: { lifetimeDays: 460, speed: 0.9 },
  asn: { lifetimeDays: 470, speed: 1.05 },
  cve: { lifetimeDays: 1825, speed: 1 },
  default: { lifetimeDays: 470, speed: 1.05 },
};

/**
 * MISP's polynomial decay (Polynomial.php): score(t) = base · (1 − (t/τ)^(1/δ)), t in days
 * since the last report or sighting; base before t = 0 (a future timestamp), 0 from τ on.
 */
export function decayed(base: number, tDays: number, p: DecayParams): number {
  if (!(tDays > 0)) return base;
  if (tDays >= p.lifetimeDays) return 0;
  return Math.max(0, base * (1 - (tDays / p.lifetimeDays) ** (1 / p.speed)));
}

/** Days after t0 at which a score of `base` falls below `threshold` (the inverse of `decayed`). */
export function daysToThreshold(base: number, threshold: number, p: DecayParams): number {
  if (base < threshold) return 0;
  return p.lifetimeDays * (1 - threshold / base) ** p.speed;
}

/** Whether a stored score has decayed by `now`: exports and matching leave such indicators out. */
export function isDecayed(score: { decaysAt: string | null }, now: Date): boolean {
  return score.decaysAt !== null && Date.parse(score.decaysAt) <= now.getTime();
}

/** What a lookup shows of a stored score. */
export interface ScoreSummary {
  value: number;
  decayed: boolean;
  modelVersion: number;
  computed: string;
}

export function scoreSummary(s: StoredScore | undefined, now: Date): ScoreSummary | null {
  return s
    ? { value: s.score, decayed: isDecayed(s, now), modelVersion: s.modelVersion, computed: s.computed }
    : null;
}
