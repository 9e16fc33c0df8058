import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../core/limits.ts';
import { compileRegexEntry } from './regex-entry.ts';

const compile = (e: string) => compileRegexEntry(e, DEFAULT_LIMITS);

describe('warninglist regex entries', () => {
  it('reads PCRE delimiters and modifiers, dropping g', () => {
    expect(compile('/^(security|noc|soc|abuse)\\@.*\\..*$/i').test('NOC@example.org')).toBe(true);
    expect(compile('#^a/b$#').test('a/b')).toBe(true);
    expect(compile('{^x+$}').test('xxx')).toBe(true);
    expect(compile('/((?:\\+|00)1)?([0-9]{3})55501([0-9]{2})/g').flags).toBe('');
  });

  it('accepts both regex lists of the real corpus shape', () => {
    expect(() =>
      compile('/((?:\\+|00)33?|0?)(19900|26191|35301|46571|53649|63998)([0-9]{4})/g'),
    ).not.toThrow();
  });

  it.each([
    ['/^(a+)+$/', /repeated group/],
    ['/(a|aa)*b/', /repeated group/],
    ['/((ab)*c)+/', /repeated group/],
    ['/(\\w)\\1/', /backreferences/],
    ['/(?<x>a)\\k<x>/', /backreferences/],
    ['/a.*b.*c.*d/', /unbounded quantifiers/],
    ['/a{1,1000}b{1,1000}c{1,1000}/', /unbounded quantifiers/],
    [`/${'a'.repeat(2000)}/`, /longer than/],
    ['abc', /delimiter/],
    ['/abc', /closing delimiter/],
    ['/abc/e', /modifier/],
    ['/a(/', /invalid regex/],
  ])('refuses %s', (entry, reason) => {
    expect(() => compile(entry)).toThrow(reason);
  });
});
