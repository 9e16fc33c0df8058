import { describe, expect, it } from 'vitest';
import { timestampKey } from './time.ts';

describe('timestampKey', () => {
  it('orders timestamps of different sub-second precision by time', () => {
    const times = [
      '2017-05-31T21:30:19.735Z',
      '2017-05-31T21:30:19Z',
      '2017-05-31T21:30:19.5Z',
      '2017-05-31T21:30:18.999999Z',
    ];
    const sorted = [...times].sort((a, b) => (timestampKey(a) < timestampKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      '2017-05-31T21:30:18.999999Z',
      '2017-05-31T21:30:19Z',
      '2017-05-31T21:30:19.5Z',
      '2017-05-31T21:30:19.735Z',
    ]);
  });

  it('gives equal keys for equal instants written with different precision', () => {
    expect(timestampKey('2020-01-01T00:00:00Z')).toBe(timestampKey('2020-01-01T00:00:00.000Z'));
  });
});
