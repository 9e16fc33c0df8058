import type { ThreatModel } from '../../src/threatmodel/model/schema.ts';

/**
 * The normalization round trips are compared under: lists of objects with ids are sorted by id,
 * and the id lists `elementIds` (of a threat) and `elements` (of a boundary) are sorted, since
 * formats store them in a different order (OTM lists threat instances per component, Threat
 * Dragon threats per cell). Nothing else is changed.
 */
export function normalizeModel(model: ThreatModel): unknown {
  return JSON.parse(
    JSON.stringify(model, (key, value: unknown) => {
      if (!Array.isArray(value)) return value;
      const list: unknown[] = value;
      if (key === 'elementIds' || (key === 'elements' && list.every((v) => typeof v === 'string')))
        return [...(list as string[])].sort();
      if (
        list.every(
          (v) => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string',
        )
      ) {
        return [...(list as { id: string }[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      }
      return list;
    }),
  );
}
