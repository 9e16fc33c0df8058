import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatternIndex, matchesPattern } from './pattern.ts';

describe('threat id patterns', () => {
  it('matches exact ids and * wildcards', () => {
    expect(matchesPattern('sql-injection@query', 'sql-injection@query')).toBe(true);
    expect(matchesPattern('sql-injection@*', 'sql-injection@query')).toBe(true);
    expect(matchesPattern('*@query', 'sql-injection@query')).toBe(true);
    expect(matchesPattern('s*i*@q*', 'sql-injection@query')).toBe(true);
    expect(matchesPattern('*@web', 'sql-injection@query')).toBe(false);
    expect(matchesPattern('a*a', 'a')).toBe(false);
  });

  it('agrees with a reference regular expression', () => {
    const alphabet = fc.constantFrom('a', 'b', '@', '-');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(alphabet, fc.constant('*')), { maxLength: 8 }),
        fc.array(alphabet, { maxLength: 10 }),
        (p, s) => {
          const pattern = p.join('');
          const id = s.join('');
          const reference = new RegExp(
            `^${pattern
              .split('*')
              .map((x) => x.replace(/[-@]/g, '\\$&'))
              .join('.*')}$`,
          );
          expect(matchesPattern(pattern, id)).toBe(reference.test(id));
        },
      ),
    );
  });

  it('reports keys that matched nothing', () => {
    const index = new PatternIndex<number>();
    index.add('a@x', 1);
    index.add('b@*', 2);
    index.add('c@*', 3);
    expect(index.lookup('b@y')).toEqual([2]);
    expect(index.lookup('a@x')).toEqual([1]);
    expect(index.unusedKeys()).toEqual(['c@*']);
  });
});
