import { AppError } from '../core/errors.ts';
import { loadOrgProfile, type OrgProfile } from '../correlate/knowledge.ts';
import type { Store } from '../store/store.ts';
import { DEFAULT_DECAY, type DecayParams } from './decay.ts';

export interface ScoreSettings {
  /** Scores below it count as decayed (MISP's threshold; 30 in its shipped models). */
  threshold: number;
  decay: Record<string, DecayParams>;
  /** Sectors and countries the targeting factor compares with (none: the factor is 0). */
  org?: OrgProfile;
}

export const DEFAULT_SETTINGS: ScoreSettings = { threshold: 30, decay: DEFAULT_DECAY };

export function decayFor(settings: ScoreSettings, kind: string): DecayParams {
  return settings.decay[kind] ?? settings.decay.default ?? DEFAULT_DECAY.default;
}

/** `kind=days` or `kind=days:speed` (e.g. `ipv4=30:2`), for `--lifetime`. */
export function parseLifetime(spec: string, base: Record<string, DecayParams>): Record<string, DecayParams> {
  const m = /^([a-z0-9]+)=(\d+(?:\.\d+)?)(?::(\d+(?:\.\d+)?))?$/.exec(spec);
  if (!m || !(m[1]! in DEFAULT_DECAY) || Number(m[2]) <= 0 || (m[3] !== undefined && Number(m[3]) <= 0))
    throw new AppError(
      'USAGE',
      `--lifetime wants kind=days[:speed] with a known kind, not ${JSON.stringify(spec)}`,
    );
  const kind = m[1]!;
  const prev = base[kind] ?? DEFAULT_DECAY.default;
  return {
    ...base,
    [kind]: { lifetimeDays: Number(m[2]), speed: m[3] === undefined ? prev.speed : Number(m[3]) },
  };
}

/** The settings of a run: defaults, the stored organization profile, and command-line overrides. */
export async function loadSettings(
  store: Store,
  overrides: { threshold?: string; lifetimes?: string[] } = {},
): Promise<ScoreSettings> {
  let decay: Record<string, DecayParams> = DEFAULT_DECAY;
  for (const spec of overrides.lifetimes ?? []) decay = parseLifetime(spec, decay);
  const threshold =
    overrides.threshold === undefined ? DEFAULT_SETTINGS.threshold : Number(overrides.threshold);
  if (!(threshold >= 0 && threshold <= 100))
    throw new AppError('USAGE', `--threshold must be 0–100, not ${JSON.stringify(overrides.threshold)}`);
  const org = await loadOrgProfile(store);
  return { threshold, decay, ...(org ? { org } : {}) };
}
