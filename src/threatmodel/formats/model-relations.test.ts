import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { threatMatches } from './model-relations.ts';

describe('threatMatches', () => {
  it.each([
    ['sql-injection@db', 'sql-injection@db', true],
    ['sql-injection@*', 'sql-injection@db', true],
    ['ldap-injection@*@ldap-auth-server@*', 'ldap-injection@a@ldap-auth-server@b', true],
    ['ldap-injection@*@ldap-auth-server@*', 'ldap-injection@a@other@b', false],
    ['a*a', 'a', false],
    ['*@db', 'x@db', true],
    ['x@db', 'x@dbx', false],
  ])('%s against %s is %s', (pattern, id, expected) => expect(threatMatches(pattern, id)).toBe(expected));

  it('agrees with an anchored regular expression on random input', () => {
    const text = fc.stringMatching(/^[ab@*]{0,8}$/);
    fc.assert(
      fc.property(text, fc.stringMatching(/^[ab@]{0,8}$/), (pattern, id) => {
        const regex = new RegExp(
          `^${pattern
            .split('*')
            .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        );
        expect(threatMatches(pattern, id)).toBe(regex.test(id));
      }),
    );
  });
});
