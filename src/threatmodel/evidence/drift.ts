import type { Analysis, AnalyzedThreat } from '../engine/analysis.ts';
import type { Factor } from '../risk/factor.ts';
import type { Rating } from '../risk/matrix.ts';

/** How one risk moved between a saved analysis and the current one, and the factors that changed. */
export interface RiskMove {
  threatId: string;
  title: string;
  change: 'raised' | 'lowered' | 'new' | 'gone' | 'reasons-changed';
  before: Rating | null;
  after: Rating | null;
  /** Factors present now and not before, and the reverse (`label (±delta)`). */
  added: string[];
  removed: string[];
}

const describe = (f: Factor) =>
  f.delta !== undefined
    ? `${f.label} (${f.delta > 0 ? '+' : ''}${f.delta})`
    : f.value !== undefined
      ? `${f.label} (= ${f.value})`
      : f.label;

/** Items of `a` not matched one-for-one in `b`. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

function move(before: AnalyzedThreat | undefined, after: AnalyzedThreat | undefined): RiskMove | undefined {
  const t = (after ?? before)!;
  const was = before?.risk.current ?? null;
  const now = after?.risk.current ?? null;
  const fb = (before?.factors ?? []).map(describe);
  const fa = (after?.factors ?? []).map(describe);
  const added = minus(fa, fb);
  const removed = minus(fb, fa);
  let change: RiskMove['change'];
  if (!was) change = 'new';
  else if (!now) change = 'gone';
  else if (now.score !== was.score || now.likelihood !== was.likelihood)
    change =
      now.score > was.score || (now.score === was.score && now.likelihood > was.likelihood)
        ? 'raised'
        : 'lowered';
  else if (added.length + removed.length > 0) change = 'reasons-changed';
  else return undefined;
  return { threatId: t.id, title: t.title, change, before: was, after: now, added, removed };
}

/**
 * The risks that moved between two analyses of one model (current rating: likelihood ×
 * impact after implemented mitigations), each with the factors that appeared or went away;
 * most-raised first.
 */
export function driftBetween(before: Analysis, after: Analysis): RiskMove[] {
  const old = new Map(before.threats.map((t) => [t.id, t]));
  const now = new Map(after.threats.map((t) => [t.id, t]));
  const ids = [...new Set([...old.keys(), ...now.keys()])];
  const moves = ids.map((id) => move(old.get(id), now.get(id))).filter((m): m is RiskMove => m !== undefined);
  const gain = (m: RiskMove) => (m.after?.score ?? 0) - (m.before?.score ?? 0);
  return moves.sort((a, b) => gain(b) - gain(a) || a.threatId.localeCompare(b.threatId));
}
