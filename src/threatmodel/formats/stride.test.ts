import { describe, expect, it } from 'vitest';
import { STRIDE } from '../model/rule-schema.ts';
import { strideFrom, strideLabel } from './stride.ts';

describe('strideFrom', () => {
  it.each([
    ['Information disclosure', 'information-disclosure'],
    ['Elevation of Privileges', 'elevation-of-privilege'],
    ['Denial of service', 'denial-of-service'],
    ['DoS', 'denial-of-service'],
    ['S', 'spoofing'],
    ['tampering', 'tampering'],
  ])('reads %s', (text, stride) => expect(strideFrom(text)).toBe(stride));

  it.each(['Linkability', 'Confidentiality', '', 'x'])('has no category for %j', (text) =>
    expect(strideFrom(text)).toBeUndefined(),
  );

  it('reads back every label it writes', () => {
    for (const s of STRIDE) expect(strideFrom(strideLabel(s))).toBe(s);
  });
});
