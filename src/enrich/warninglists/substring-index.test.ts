import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSubstringIndex, eachSubstringHit } from './substring-index.ts';

function found(entries: string[][], value: string): number[] {
  const ix = buildSubstringIndex(entries.flatMap((list, i) => list.map((text) => ({ text, list: i }))));
  const out = new Set<number>();
  eachSubstringHit(ix, value, (ids) => ids.forEach((id) => out.add(id)));
  return [...out].sort((a, b) => a - b);
}

describe('Aho–Corasick substring index', () => {
  it('finds overlapping and nested entries', () => {
    expect(found([['he'], ['she'], ['hers'], ['xyz']], 'ushers')).toEqual([0, 1, 2]);
  });

  it('agrees with String.includes on random entries and values', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 6 }), { maxLength: 5 }), word, (lists, value) => {
        const expected = lists.flatMap((l, i) => (l.some((e) => value.includes(e)) ? [i] : []));
        expect(found(lists, value)).toEqual(expected);
      }),
    );
  });
});
