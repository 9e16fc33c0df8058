import { describe, expect, it } from 'vitest';
import { idType, idUuidVersion, isStixId, isStixTypeName } from './identifier.ts';
import { compareTimestamps, isTimestamp } from './timestamp.ts';

describe('identifiers', () => {
  it.each([
    'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'x-mitre-tactic--2558fd61-8c75-4730-94c4-11926db2a263',
    'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
    'abc--8E2E2D2B-17D4-1CBF-B38F-98EE46B3CD3F',
  ])('accepts %s', (id) => expect(isStixId(id)).toBe(true));

  it.each([
    'indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3',
    'indicator--8e2e2d2b-17d4-6cbf-938f-98ee46b3cd3f',
    'indicator--8e2e2d2b-17d4-4cbf-738f-98ee46b3cd3f',
    'Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'ab--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    'a--b--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    '-ab--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    `${'a'.repeat(300)}--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f`,
    42,
  ])('rejects %s', (id) => expect(isStixId(id)).toBe(false));

  it('splits type and UUID version', () => {
    expect(idType('x-mitre-tactic--2558fd61-8c75-4730-94c4-11926db2a263')).toBe('x-mitre-tactic');
    expect(idUuidVersion('ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4')).toBe('5');
    expect(isStixTypeName('x-acme')).toBe(true);
    expect(isStixTypeName('x--acme')).toBe(false);
  });
});

describe('timestamps', () => {
  it.each(['2016-04-06T20:03:48Z', '2016-04-06T20:03:48.123456Z', '2016-12-31T23:59:60.000Z'])(
    'accepts %s',
    (t) => expect(isTimestamp(t)).toBe(true),
  );

  it.each([
    '2016-04-06T20:03:48',
    '2016-04-06T20:03:48+00:00',
    '2016-04-06 20:03:48Z',
    '2016-04-06T24:00:00Z',
    '2016-4-6T20:03:48Z',
  ])('rejects %s', (t) => expect(isTimestamp(t)).toBe(false));

  it('compares across fractional precisions', () => {
    expect(compareTimestamps('2016-01-01T00:00:00Z', '2016-01-01T00:00:00.000Z')).toBe(0);
    expect(compareTimestamps('2016-01-01T00:00:00.1Z', '2016-01-01T00:00:00.09Z')).toBe(1);
    expect(compareTimestamps('2016-01-01T00:00:00Z', '2016-01-01T00:00:00.001Z')).toBe(-1);
    expect(compareTimestamps('2015-12-31T23:59:59.999Z', '2016-01-01T00:00:00Z')).toBe(-1);
  });
});
