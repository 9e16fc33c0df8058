import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corporaPresent, corpus } from '../../test/corpora.ts';
import {
  TLP1_MARKING_IDS,
  TLP2_MARKING_IDS,
  TLP_LEVELS,
  tlpMarkingDefinition,
  tlpMarkingRef,
  tlpOf,
  tlpOfMarkingDefinition,
  tlpRank,
} from './markings.ts';
import type { Tlp } from './markings.ts';
import { validateStixObject } from './validate.ts';

describe('TLP markings', () => {
  it('orders clear < green < amber < amber+strict < red', () => {
    const shuffled: Tlp[] = ['red', 'amber', 'clear', 'amber+strict', 'green'];
    const sorted = shuffled.sort((a, b) => tlpRank(a) - tlpRank(b));
    expect(sorted).toEqual(['clear', 'green', 'amber', 'amber+strict', 'red']);
  });

  it('takes the most restrictive TLP among the references, TLP 1.0 and 2.0 alike', () => {
    expect(tlpOf([TLP1_MARKING_IDS.green, TLP2_MARKING_IDS['amber+strict'], TLP2_MARKING_IDS.clear])).toBe(
      'amber+strict',
    );
    expect(tlpOf([TLP1_MARKING_IDS.red, TLP2_MARKING_IDS.amber])).toBe('red');
    expect(tlpOf([TLP1_MARKING_IDS.white])).toBe('clear');
  });

  it('has no TLP for references that are not TLP markings', () => {
    expect(tlpOf([])).toBeUndefined();
    expect(tlpOf(['marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168'])).toBeUndefined();
  });

  it('references and builds the TLP 2.0 marking-definitions, which validate and read back', () => {
    for (const tlp of TLP_LEVELS) {
      const md = tlpMarkingDefinition(tlp);
      expect(md.id).toBe(tlpMarkingRef(tlp));
      expect(tlpOf([tlpMarkingRef(tlp)])).toBe(tlp);
      expect(validateStixObject(md).ok).toBe(true);
      expect(tlpOfMarkingDefinition(md)).toBe(tlp);
    }
  });

  it('reads TLP 1.0 definitions and ignores statements', () => {
    const tlp1 = { definition_type: 'tlp', definition: { tlp: 'white' } };
    expect(tlpOfMarkingDefinition(tlp1)).toBe('clear');
    expect(
      tlpOfMarkingDefinition({ definition_type: 'statement', definition: { statement: 'tlp red' } }),
    ).toBeUndefined();
    expect(tlpOfMarkingDefinition({ extensions: 'garbage', definition: 7 })).toBeUndefined();
  });

  it('rejects marking-definitions that misstate a predefined TLP id', () => {
    const wrong1 = {
      type: 'marking-definition',
      spec_version: '2.1',
      id: TLP1_MARKING_IDS.green,
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      definition: { tlp: 'red' },
    };
    const wrong2 = { ...tlpMarkingDefinition('red'), id: TLP2_MARKING_IDS.green };
    const r1 = validateStixObject(wrong1);
    const r2 = validateStixObject(wrong2);
    expect(r1.ok ? [] : r1.issues.map((i) => i.path)).toEqual(['$.definition.tlp']);
    expect(r2.ok ? [] : r2.issues.map((i) => i.path)).toEqual([
      "$.extensions['extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'].tlp_2_0",
    ]);
  });

  it.skipIf(!corporaPresent)('reads the TLP:AMBER 2.0 marking of the STIX validator examples', () => {
    const file = corpus('stix21-conformance', 'cti-stix-validator', 'test_examples', 'tlp-amber.json');
    const [md] = (JSON.parse(readFileSync(file, 'utf8')) as { objects: Record<string, unknown>[] }).objects;
    expect(tlpOfMarkingDefinition(md!)).toBe('amber');
    expect(tlpOf([String(md!.id)])).toBe('amber');
  });
});
