import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corporaPresent, corpus } from '../../test/corpora.ts';
import { isCertainlyValidIndicator } from './fast-indicator.ts';
import { indicatorSchema } from './schemas/sdo-analysis.ts';

const schemaAccepts = (o: Record<string, unknown>) => indicatorSchema.safeParse(o).success;

function indicatorsOf(...parts: string[]): Record<string, unknown>[] {
  const json = JSON.parse(readFileSync(corpus(...parts), 'utf8')) as { objects?: Record<string, unknown>[] };
  return (json.objects ?? [json as Record<string, unknown>]).filter((o) => o.type === 'indicator');
}

const BASE = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2016-04-06T20:03:48.000Z',
  modified: '2016-04-06T20:03:48.000Z',
  created_by_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff',
  name: 'x',
  indicator_types: ['malicious-activity'],
  pattern: "[ipv4-addr:value = '198.51.100.1']",
  pattern_type: 'stix',
  valid_from: '2016-04-06T20:03:48Z',
  valid_until: '2017-04-06T20:03:48Z',
  confidence: 50,
  labels: ['a'],
  object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'],
  kill_chain_phases: [{ kill_chain_name: 'k', phase_name: 'p' }],
  external_references: [{ source_name: 'acme', url: 'https://example.org' }],
  x_custom: { any: 'thing' },
};

/** Values that exercise both the accepted and the rejected side of each property check. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    '',
    'indicator',
    '2.1',
    '2.0',
    'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
    '2015-01-01T00:00:00Z',
    '2030-01-01T00:00:00.5Z',
    '2016-04-06T20:03:48+00:00',
    -1,
    0,
    100,
    101,
    1.5,
    true,
    [],
    ['a'],
    [1],
    [{ kill_chain_name: 'k', phase_name: 'p' }],
    [{ kill_chain_name: 'k' }],
    [{ source_name: 'cve', external_id: 'CVE-2016-1234' }],
    [{ source_name: 'acme' }],
    [{ source_name: 'acme', description: 'd', hashes: { MD5: 'x' } }],
    [{ selectors: ['name'], marking_ref: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da' }],
    {},
  ),
  fc.jsonValue(),
);

describe('isCertainlyValidIndicator agrees with indicatorSchema', () => {
  it('accepts the common indicator shape the schema accepts', () => {
    expect(schemaAccepts(BASE)).toBe(true);
    expect(isCertainlyValidIndicator(BASE)).toBe(true);
  });

  it('checks or defers every property the schema knows', () => {
    for (const key of Object.keys(indicatorSchema.shape)) {
      const o = { ...BASE, [key]: { not: 'valid here' } };
      expect(schemaAccepts(o), key).toBe(false);
      expect(isCertainlyValidIndicator(o), key).toBe(false);
    }
  });

  it('never accepts what the schema rejects, under random property changes', () => {
    const keys = [
      ...Object.keys(BASE),
      'revoked',
      'lang',
      'description',
      'pattern_version',
      'granular_markings',
      'extensions',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), anyValue), { minLength: 1, maxLength: 4 }),
        (changes) => {
          const o: Record<string, unknown> = { ...BASE };
          for (const [k, v] of changes) o[k] = v;
          if (isCertainlyValidIndicator(o)) expect(schemaAccepts(o)).toBe(true);
        },
      ),
      { seed: 20_240_301, numRuns: 5_000 },
    );
  });

  it.skipIf(!corporaPresent)('agrees on every indicator of the conformance examples', () => {
    const indicators = [
      ...indicatorsOf('stix21-conformance', 'cti-documentation-examples', 'poisonivy.json'),
      ...indicatorsOf('stix21-conformance', 'cti-documentation-examples', 'apt1.json'),
      ...indicatorsOf('stix21-conformance', 'cti-documentation-examples', 'indicator-for-malicious-url.json'),
      ...indicatorsOf(
        'stix21-conformance',
        'cti-stix2-json-schemas',
        'examples',
        'indicators-for-C2-with-COA.json',
      ),
      ...indicatorsOf(
        'stix21-conformance',
        'cti-stix-validator',
        'v21-test-literals',
        'indicator_tests__VALID_INDICATOR.json',
      ),
    ];
    expect(indicators.length).toBeGreaterThan(30);
    for (const o of indicators) {
      expect(schemaAccepts(o)).toBe(true);
      expect(isCertainlyValidIndicator(o), String(o.id)).toBe(true);
    }
  });
});
