import type { ThreatModel } from '../model/schema.ts';

/** The boundary each element sits in directly (the first listing it, if several do). */
export function elementZones(model: ThreatModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of model.trustBoundaries) for (const id of b.elements) if (!out.has(id)) out.set(id, b.id);
  return out;
}

/** Whether a mitigation's or decision's threat pattern (`*` matches any run of characters) names `threatId`. */
export function threatMatches(pattern: string, threatId: string): boolean {
  if (!pattern.includes('*')) return pattern === threatId;
  const parts = pattern.split('*');
  let at = 0;
  for (const [i, part] of parts.entries()) {
    const found = i === 0 ? (threatId.startsWith(part) ? 0 : -1) : threatId.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return parts.at(-1) === '' || threatId.endsWith(parts.at(-1)!);
}
