import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corporaPresent, corpus, corpusEntries } from '../../test/corpora.ts';
import { validateStixObject } from './validate.ts';

const CONFORMANCE = 'stix21-conformance';

/** The objects of a bundle, a JSON list of objects, or a single object file. */
function objectsOf(...parts: string[]): Record<string, unknown>[] {
  const json: unknown = JSON.parse(readFileSync(corpus(...parts), 'utf8'));
  if (Array.isArray(json)) return json as Record<string, unknown>[];
  const o = json as Record<string, unknown> & { objects?: Record<string, unknown>[] };
  return o.type === 'bundle' ? (o.objects ?? []) : [o];
}

function rejected(objects: Record<string, unknown>[]) {
  return objects.flatMap((o) => {
    const r = validateStixObject(o);
    return r.ok ? [] : [{ id: o.id, issues: r.issues }];
  });
}

describe.skipIf(!corporaPresent)('validateStixObject on real data', () => {
  it('accepts every object of the ATT&CK Enterprise bundle, x-mitre types and x_mitre_ properties included', () => {
    const objects = objectsOf('attack', 'enterprise-attack.json');
    expect(objects.length).toBeGreaterThan(20_000);
    expect(objects.some((o) => o.type === 'x-mitre-tactic')).toBe(true);
    expect(rejected(objects)).toEqual([]);
  });

  it('accepts every object of the ATT&CK ICS and CAPEC bundles', () => {
    expect(rejected(objectsOf('attack-ics', 'ics-attack-18.1.json'))).toEqual([]);
    expect(rejected(objectsOf('capec', 'stix-capec-2.1.json'))).toEqual([]);
  });

  it.each([
    ...corpusEntries(CONFORMANCE, 'cti-documentation-examples').map((f) => ['cti-documentation-examples', f]),
    ...[
      'indicator-for-c2-ip-address.json',
      'indicator-to-campaign-relationship.json',
      'indicators-for-C2-with-COA.json',
      'infrastructure.json',
      'interop-objectmarking-test.json',
      'malicious-email-indicator-with-attachment.json',
      'threat-reports/apt1.json',
      'threat-reports/poisonivy.json',
    ].map((f) => ['cti-stix2-json-schemas/examples', f]),
  ])('accepts the conformance example %s/%s', (dir, file) => {
    const objects = objectsOf(CONFORMANCE, dir, file);
    expect(objects.length).toBeGreaterThan(0);
    expect(rejected(objects)).toEqual([]);
  });

  it('accepts the valid literals of the STIX validator test suite, custom and extension-defined types included', () => {
    const dir = corpus(CONFORMANCE, 'cti-stix-validator', 'v21-test-literals');
    // A 2.0-style object without spec_version, used by that suite to test version detection.
    const files = readdirSync(dir).filter((f) => f !== 'spec_version_tests__VALID_BUNDLE.json');
    const objects = files.flatMap((f) =>
      objectsOf(CONFORMANCE, 'cti-stix-validator', 'v21-test-literals', f),
    );
    expect(objects.length).toBeGreaterThanOrEqual(files.length);
    expect(rejected(objects)).toEqual([]);
  });

  it('accepts the valid examples of the STIX validator, the TLP 2.0 marking among them', () => {
    const files = [
      'identity.json',
      'identity_custom.json',
      'identity_unicode.json',
      'tlp-amber.json',
      'tool.json',
    ];
    const objects = files.flatMap((f) => objectsOf(CONFORMANCE, 'cti-stix-validator', 'test_examples', f));
    expect(rejected(objects)).toEqual([]);
  });

  it.each([
    ['test_examples', 'invalid_identity.json', '$.modified', 'required property is missing'],
    [
      'test_examples',
      'invalid_timestamp.json',
      '$.modified',
      'must be equal to or later than created (2016-08-08T15:50:10.983Z)',
    ],
    [
      'v21-test-literals',
      'spec_version_tests__VALID_BUNDLE.json',
      '$.spec_version',
      'required property is missing',
    ],
  ])('rejects the invalid object of the STIX validator %s/%s at %s', (dir, file, path, message) => {
    const [object] = objectsOf(CONFORMANCE, 'cti-stix-validator', dir, file);
    expect(validateStixObject(object)).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it('rejects the artifacts whose payload_bin the python-stix2 examples elide with " ..."', () => {
    const objects = objectsOf(CONFORMANCE, 'cti-python-stix2', 'sco-examples-bundle.json');
    const bad = rejected(objects);
    expect(bad.map((b) => b.issues)).toEqual(
      bad.map(() => [{ path: '$.payload_bin', message: 'must be base64 (RFC 4648)' }]),
    );
    expect(bad.length).toBe(objects.filter((o) => String(o.payload_bin).endsWith(' ...')).length);
    expect(bad.length).toBeLessThan(objects.length);
  });

  it('rejects mutated conformance objects at the path of the mutation', () => {
    const lit = (name: string) =>
      objectsOf(CONFORMANCE, 'cti-stix-validator', 'v21-test-literals', `${name}.json`)[0]!;
    const cases: [Record<string, unknown>, string][] = [
      [
        { ...lit('indicator_tests__VALID_INDICATOR'), id: 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' },
        '$.id',
      ],
      [
        {
          ...lit('relationship_tests__VALID_RELATIONSHIP'),
          source_ref: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982',
        },
        '$.source_ref',
      ],
      [
        {
          ...lit('sighting_tests__VALID_SIGHTING'),
          where_sighted_refs: ['malware--36ffb872-1dd9-446e-b6f5-d58527e5b5d2'],
        },
        '$.where_sighted_refs[0]',
      ],
      [{ ...lit('report_tests__VALID_REPORT'), published: '2016-05-21 19:59:11' }, '$.published'],
      [{ ...lit('malware_tests__VALID_MALWARE'), is_family: 'yes' }, '$.is_family'],
      [{ ...lit('campaign_tests__VALID_CAMPAIGN'), last_seen: '2019-01-01T00:00:00Z' }, '$.last_seen'],
      [
        { ...lit('marking_definition_tests__VALID_MARKING_DEFINITION'), definition: { tlp: 'red' } },
        '$.definition.tlp',
      ],
      [{ ...lit('location_tests__VALID_LOCATION'), latitude: 12.5 }, '$'],
      [{ ...lit('ip_addr_tests__VALID_IPV4'), value: '198.51.100.3/33' }, '$.value'],
      [
        {
          ...lit('language_content_tests__VALID_LANGUAGE_CONTENT'),
          object_ref: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982',
        },
        '$.object_ref',
      ],
    ];
    for (const [object, path] of cases) {
      const r = validateStixObject(object);
      expect(r.ok ? 'valid' : r.issues.map((i) => i.path), String(object.type)).toEqual([path]);
    }
  });
});
