import type { Analysis } from '../engine/analysis.ts';
import type { ThreatModel } from '../model/schema.ts';
import type { IntelIndex } from './intel-index.ts';
import { orgTechniqueUses } from './org-techniques.ts';
import { elementPlatforms } from './platforms.ts';

/** A technique of the relevant groups that no threat of the model covers, and where it applies. */
export interface Suggestion {
  technique: string;
  name: string;
  tactics: string[];
  platforms: string[];
  /** The relevant groups that use it. */
  groups: string[];
  elementIds: string[];
  reason: string;
}

const MAX_SUGGESTIONS = 100;

/** A threat naming T covers T and its sub-techniques; one naming T.001 covers T.001 (and counts for T). */
function covered(id: string, threatIds: ReadonlySet<string>): boolean {
  const parent = id.split('.')[0]!;
  if (threatIds.has(id) || threatIds.has(parent)) return true;
  return !id.includes('.') && [...threatIds].some((t) => t.startsWith(`${id}.`));
}

/**
 * Suggestions from the adversary: each technique that a group relevant to the organization
 * uses, that no threat of the analysis names (after revocations are followed), proposed
 * against the in-scope elements whose platforms (see `elementPlatforms`) it lists. Most-used
 * techniques first, at most 100.
 */
export function suggestFromAdversary(
  index: IntelIndex,
  model: ThreatModel,
  analysis: Analysis,
): Suggestion[] {
  const threatIds = new Set(analysis.threats.flatMap((t) => t.attack.map((a) => index.resolved.get(a) ?? a)));
  const platforms = model.elements.map((e) => ({ id: e.id, platforms: new Set(elementPlatforms(e)) }));
  const groupsOf = new Map(orgTechniqueUses(index).map((u) => [u.technique, u.groups]));
  const out: Suggestion[] = [];
  for (const technique of index.techniques) {
    if (covered(technique.externalId, threatIds)) continue;
    const elementIds = platforms
      .filter((e) => technique.platforms.some((p) => e.platforms.has(p)))
      .map((e) => e.id);
    if (elementIds.length === 0) continue;
    const groups = groupsOf.get(technique.externalId) ?? [];
    out.push({
      technique: technique.externalId,
      name: technique.name,
      tactics: technique.tactics,
      platforms: technique.platforms,
      groups,
      elementIds,
      reason: `used by ${groups.length} group(s) targeting the organization (${groups.slice(0, 3).join(', ')}${groups.length > 3 ? ', …' : ''}); no threat of the model covers it`,
    });
  }
  return out
    .sort((a, b) => b.groups.length - a.groups.length || a.technique.localeCompare(b.technique))
    .slice(0, MAX_SUGGESTIONS);
}
