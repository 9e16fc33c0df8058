/**
 * Traffic Light Protocol markings. TLP 1.0 has four marking-definitions predefined by STIX 2.1
 * (§7.2.1.4); TLP 2.0 has five, published with the TLP 2.0 extension-definition.
 */
export type Tlp = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

/** From least to most restrictive. */
export const TLP_LEVELS: readonly Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** TLP 1.0 marking-definition ids (§7.2.1.4), keyed by their `definition.tlp` value. */
export const TLP1_MARKING_IDS = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
} as const;

/** TLP 2.0 marking-definition ids, keyed by their `tlp_2_0` value. */
export const TLP2_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** TLP 1.0 WHITE reads as TLP 2.0 CLEAR: both allow unrestricted disclosure. */
const LEVEL_BY_REF: ReadonlyMap<string, Tlp> = new Map<string, Tlp>([
  [TLP1_MARKING_IDS.white, 'clear'],
  [TLP1_MARKING_IDS.green, 'green'],
  [TLP1_MARKING_IDS.amber, 'amber'],
  [TLP1_MARKING_IDS.red, 'red'],
  ...Object.entries(TLP2_MARKING_IDS).map(([tlp, id]) => [id, tlp as Tlp] as const),
]);

const RANK: ReadonlyMap<string, number> = new Map(TLP_LEVELS.map((t, i) => [t, i]));

export function isTlp(value: unknown): value is Tlp {
  return typeof value === 'string' && RANK.has(value);
}

/** 0 for clear up to 4 for red. */
export function tlpRank(tlp: Tlp): number {
  return RANK.get(tlp) ?? 0;
}

/** The TLP level of a predefined TLP 1.0 or 2.0 marking-definition id, if it is one. */
export function tlpOfRef(ref: string): Tlp | undefined {
  return LEVEL_BY_REF.get(ref);
}

/** The most restrictive TLP level among the marking references; undefined when none is TLP. */
export function tlpOf(markingRefs: readonly string[]): Tlp | undefined {
  let best: Tlp | undefined;
  for (const ref of markingRefs) {
    const tlp = LEVEL_BY_REF.get(ref);
    if (tlp && (best === undefined || tlpRank(tlp) > tlpRank(best))) best = tlp;
  }
  return best;
}

/** The TLP 2.0 marking-definition id to reference for a level. */
export function tlpMarkingRef(tlp: Tlp): string {
  return TLP2_MARKING_IDS[tlp];
}

/** The published TLP 2.0 marking-definition object for a level, for inclusion in exports. */
export function tlpMarkingDefinition(tlp: Tlp): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${tlp.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp } },
  };
}

/**
 * The TLP level a marking-definition object states, whatever its id: `definition.tlp` of
 * TLP 1.0 or `tlp_2_0` of the TLP 2.0 extension. Lets a source's own TLP markings be mapped.
 */
export function tlpOfMarkingDefinition(md: Record<string, unknown>): Tlp | undefined {
  const exts = md.extensions as Record<string, { tlp_2_0?: unknown } | undefined> | undefined;
  const v2 = exts?.[TLP2_EXTENSION_ID]?.tlp_2_0;
  if (isTlp(v2)) return v2;
  if (md.definition_type !== 'tlp') return undefined;
  const v1 = (md.definition as { tlp?: unknown } | undefined)?.tlp;
  return v1 === 'white' ? 'clear' : isTlp(v1) ? v1 : undefined;
}
