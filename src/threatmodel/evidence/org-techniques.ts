import type { IntelIndex } from './intel-index.ts';

/** Each technique the relevant groups use, with the names of the groups that use it exactly. */
export function orgTechniqueUses(
  index: Pick<IntelIndex, 'usedBy' | 'techniques'>,
): { technique: string; name: string; groups: string[] }[] {
  return index.techniques.map((t) => ({
    technique: t.externalId,
    name: t.name,
    groups: [
      ...new Set(
        (index.usedBy.get(t.externalId) ?? [])
          .filter((u) => u.technique.externalId === t.externalId)
          .map((u) => u.actor.name),
      ),
    ].sort(),
  }));
}
