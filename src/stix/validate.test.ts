import { describe, expect, it } from 'vitest';
import { validateStixObject } from './validate.ts';

const INDICATOR = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2016-04-06T20:03:48.000Z',
  modified: '2016-04-06T20:03:48.000Z',
  name: 'Poison Ivy Malware',
  pattern_type: 'stix',
  pattern: "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
  valid_from: '2016-04-06T20:03:48Z',
};

/** The paths of the issues found for `raw`, or 'valid'. */
function paths(raw: unknown): string[] | 'valid' {
  const r = validateStixObject(raw);
  return r.ok ? 'valid' : r.issues.map((i) => i.path);
}

const bad = (patch: Record<string, unknown>) => ({ ...INDICATOR, ...patch });

describe('validateStixObject on hand-written objects', () => {
  it('accepts a minimal indicator and returns the input itself', () => {
    const r = validateStixObject(INDICATOR);
    expect(r).toEqual({ ok: true, object: INDICATOR });
    expect(r.ok && r.object).toBe(INDICATOR);
  });

  it('accepts February 29 of leap years and the last day of each month', () => {
    for (const day of ['2016-02-29', '2000-02-29', '2023-01-31', '2023-04-30', '2023-12-31'])
      expect(paths(bad({ valid_from: `${day}T00:00:00Z` })), day).toBe('valid');
  });

  it.each([
    ['an id of another type', { id: 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' }, '$.id'],
    ['an id without a UUID', { id: 'indicator--1234' }, '$.id'],
    [
      'an id whose UUID has no RFC 4122 variant',
      { id: 'indicator--8e2e2d2b-17d4-4cbf-738f-98ee46b3cd3f' },
      '$.id',
    ],
    ['modified before created', { modified: '2016-04-06T20:03:47.999Z' }, '$.modified'],
    ['a timestamp with an offset', { valid_from: '2016-04-06T20:03:48+02:00' }, '$.valid_from'],
    ['a timestamp without Z', { created: '2016-04-06T20:03:48.000' }, '$.created'],
    ['a date only', { valid_from: '2016-04-06' }, '$.valid_from'],
    ['month 13', { valid_from: '2016-13-06T20:03:48Z' }, '$.valid_from'],
    ['February 30', { valid_from: '2016-02-30T20:03:48Z' }, '$.valid_from'],
    ['February 29 of a common year', { valid_from: '2023-02-29T20:03:48Z' }, '$.valid_from'],
    ['February 29 of 1900', { valid_from: '1900-02-29T20:03:48Z' }, '$.valid_from'],
    ['April 31', { valid_from: '2016-04-31T20:03:48Z' }, '$.valid_from'],
    ['confidence 101', { confidence: 101 }, '$.confidence'],
    ['confidence -1', { confidence: -1 }, '$.confidence'],
    ['a fractional confidence', { confidence: 50.5 }, '$.confidence'],
    ['spec_version 2.0', { spec_version: '2.0' }, '$.spec_version'],
    ['a number for name', { name: 42 }, '$.name'],
    ['labels as a string', { labels: 'malicious' }, '$.labels'],
    ['empty labels', { labels: [] }, '$.labels'],
    ['revoked as a string', { revoked: 'true' }, '$.revoked'],
    ['a bad created_by_ref', { created_by_ref: 'identity-f431f809' }, '$.created_by_ref'],
    [
      'a non-marking in object_marking_refs',
      { object_marking_refs: ['identity--f431f809-377b-45e0-aa1c-6a4751cae5ff'] },
      '$.object_marking_refs[0]',
    ],
    ['valid_until equal to valid_from', { valid_until: '2016-04-06T20:03:48.000Z' }, '$.valid_until'],
    [
      'a kill chain phase without phase_name',
      { kill_chain_phases: [{ kill_chain_name: 'lockheed' }] },
      '$.kill_chain_phases[0].phase_name',
    ],
    [
      'a CVE reference without a CVE id',
      { external_references: [{ source_name: 'cve', external_id: 'CVE-16' }] },
      '$.external_references[0].external_id',
    ],
    [
      'an external reference with only a source',
      { external_references: [{ source_name: 'acme' }] },
      '$.external_references[0]',
    ],
    [
      'a bad hash',
      { external_references: [{ source_name: 'x', url: 'u', hashes: { 'SHA-256': 'abc' } }] },
      "$.external_references[0].hashes['SHA-256']",
    ],
    ['an extension key of no known form', { extensions: { foo: { a: 1 } } }, '$.extensions.foo'],
    [
      'an extension instance without extension_type',
      { extensions: { 'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e': { rank: 5 } } },
      "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].extension_type",
    ],
    [
      'granular markings with both marking_ref and lang',
      {
        granular_markings: [
          {
            selectors: ['name'],
            lang: 'en',
            marking_ref: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
          },
        ],
      },
      '$.granular_markings[0]',
    ],
  ])('rejects %s', (_what, patch, path) => {
    expect(paths(bad(patch))).toEqual([path]);
  });

  it.each(['pattern', 'pattern_type', 'valid_from', 'created', 'modified', 'spec_version', 'id'])(
    'names the missing required property %s',
    (name) => {
      const { [name]: _dropped, ...rest } = INDICATOR as Record<string, unknown>;
      const r = validateStixObject(rest);
      expect(r.ok ? [] : r.issues).toEqual([{ path: `$.${name}`, message: 'required property is missing' }]);
    },
  );

  it('keeps custom properties, including x_mitre_ ones, exactly as they came', () => {
    const raw = bad({ x_acme_score: { nested: [1, 'two'] }, x_mitre_version: '1.0', foo: null });
    const r = validateStixObject(raw);
    expect(r.ok && r.object).toBe(raw);
    expect(r.ok && r.object.x_acme_score).toEqual({ nested: [1, 'two'] });
  });

  it('rejects a __proto__ key anywhere without polluting any prototype', () => {
    const top = JSON.parse('{"type":"indicator","__proto__":{"polluted":true}}');
    const nested = JSON.parse(`{"x_a":[{"b":{"__proto__":{"polluted":true}}}]}`);
    expect(paths(top)).toEqual(['$.__proto__']);
    expect(paths({ ...INDICATOR, ...nested })).toEqual(['$.x_a[0].b.__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects nesting deeper than the limit', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200; i++) deep = { d: deep };
    expect(validateStixObject(bad({ x_deep: deep })).ok).toBe(false);
  });

  it.each([
    [null, '$'],
    ['indicator', '$'],
    [[INDICATOR], '$'],
    [42, '$'],
    [{}, '$.type'],
    [{ type: 7 }, '$.type'],
    [{ type: 'bundle', id: 'bundle--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', objects: [] }, '$.type'],
  ])('never throws on garbage such as %j', (raw, path) => {
    const r = validateStixObject(raw);
    expect(r.ok ? 'valid' : r.issues[0]?.path).toBe(path);
  });

  it('survives objects whose getters throw', () => {
    const hostile = Object.defineProperty({ type: 'indicator' }, 'id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validateStixObject(hostile).ok).toBe(false);
  });

  describe('objects of types it does not know', () => {
    const custom = {
      type: 'x-acme-widget',
      id: 'x-acme-widget--4527e5de-8572-446a-a57a-706f15467461',
      spec_version: '2.1',
      created: '2021-02-20T09:16:08.989Z',
      modified: '2021-02-20T09:16:08.989Z',
      gear_count: 14,
    };

    it('accepts a custom x- type, and a type defined by an extension, with a matching id', () => {
      expect(paths(custom)).toBe('valid');
      expect(
        paths({ ...custom, type: 'acme-widget', id: 'acme-widget--4527e5de-8572-446a-a57a-706f15467461' }),
      ).toBe('valid');
    });

    it('checks the id against the type and the common properties present', () => {
      expect(paths({ ...custom, id: 'x-other--4527e5de-8572-446a-a57a-706f15467461' })).toEqual(['$.id']);
      expect(paths({ ...custom, confidence: 101 })).toEqual(['$.confidence']);
      expect(paths({ ...custom, modified: '2020-01-01T00:00:00Z' })).toEqual(['$.modified']);
    });

    it('rejects a type that is not a STIX type name', () => {
      expect(
        paths({ ...custom, type: 'X_Widget', id: 'X_Widget--4527e5de-8572-446a-a57a-706f15467461' }),
      ).toContain('$.type');
      expect(paths({ ...custom, type: 'ab', id: 'ab--4527e5de-8572-446a-a57a-706f15467461' })).toContain(
        '$.type',
      );
    });
  });

  it.each([
    ['ipv4-addr', { value: '198.51.100.256' }, '$.value'],
    ['ipv6-addr', { value: '2001:db8::g' }, '$.value'],
    ['mac-addr', { value: 'D2:FB:49:24:37:18' }, '$.value'],
    ['domain-name', {}, '$.value'],
    ['url', { value: 5 }, '$.value'],
    ['file', { size: 1 }, '$'],
    ['file', { hashes: { MD5: 'xyz' } }, '$.hashes.MD5'],
    ['network-traffic', { protocols: ['tcp'] }, '$'],
    ['network-traffic', { protocols: ['tcp'], src_ref: 'ipv4-addr--x', src_port: 70000 }, '$.src_port'],
    ['email-message', { is_multipart: true, body: 'hi' }, '$.body'],
    ['windows-registry-key', { key: 'HKLM\\Software' }, '$.key'],
    ['artifact', { payload_bin: 'not base64!' }, '$.payload_bin'],
  ])('checks the SCO %s', (type, props, path) => {
    const sco = { type, id: `${type}--ff26c055-6336-5bc5-b98d-13d6226742dd`, spec_version: '2.1', ...props };
    expect(paths(sco)).toEqual([path]);
  });
});
