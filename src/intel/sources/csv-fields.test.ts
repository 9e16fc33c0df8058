import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseFields } from './csv-fields.ts';

describe('parseFields', () => {
  it.each([
    ['a,b,c', ',', ['a', 'b', 'c']],
    ['"a,b",c', ',', ['a,b', 'c']],
    ['"say ""hi""",x', ',', ['say "hi"', 'x']],
    ['a,,', ',', ['a', '', '']],
    ['"multi\nline"', ',', ['multi\nline']],
    ['"open', ',', ['open']],
    ['a\tb', '\t', ['a', 'b']],
    ['ab"c,d', ',', ['ab"c', 'd']],
    ['"a", "b,c"', ',', ['a', 'b,c']],
  ])('%j with %j', (record, delimiter, expected) => {
    expect(parseFields(record, delimiter)).toEqual(expected);
  });
});

describe('detectDelimiter', () => {
  it('finds the delimiter that splits every line the same way', () => {
    expect(detectDelimiter(['a,b;c', 'd,e;f'])).toBe(',');
    expect(detectDelimiter(['a\tb\tc', 'd\te\tf'])).toBe('\t');
    expect(detectDelimiter(['1.2.3.0/24 ; SBL1', '5.6.7.0/24 ; SBL2'])).toBe(';');
    expect(detectDelimiter(['a|b', 'c|d'])).toBe('|');
  });

  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter(['"a;b",c', '"d;e;f",g'])).toBe(',');
  });

  it('sees a plain list when no candidate is consistent', () => {
    expect(detectDelimiter(['example.com', 'http://x.test/?a=1,2', 'evil.org'])).toBeUndefined();
    expect(detectDelimiter([])).toBeUndefined();
  });
});
