import { describe, expect, it } from 'vitest';
import { canonicalJson } from './jcs.ts';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units, recursively, and keeps array order (§3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson({ b: [3, { d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[3,{"c":2,"d":1}]}');
  });

  it('serializes numbers as ECMAScript does (§3.2.2.3 examples)', () => {
    expect(
      canonicalJson([Number('333333333.33333329'), 1e30, 4.5, 2e-3, 0.000000000000000000000000001, -0]),
    ).toBe('[333333333.3333333,1e+30,4.5,0.002,1e-27,0]');
  });

  it('escapes strings minimally (§3.2.2.2 example)', () => {
    expect(canonicalJson('\u20ac$\u000f\nA\'B"\\\\"/')).toBe('"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"');
  });

  it('refuses values JSON cannot hold, and excessive nesting', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/cannot canonicalize/);
    expect(() => canonicalJson({ a: undefined })).toThrow(/cannot canonicalize/);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => canonicalJson(deep, 64)).toThrow(/nested too deeply/);
  });
});
