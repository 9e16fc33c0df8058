import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { DEFAULT_LIMITS } from '../../core/limits.ts';
import { compileCondition } from './compile.ts';
import type { ConditionContext, Value, View } from './evaluate.ts';

const where = { ruleId: 'test-rule', field: 'applies' };
const element: View = {
  id: 'web',
  kind: 'process',
  type: 'web-application',
  internetFacing: true,
  data: ['pii', 'credentials'],
  authStrength: 1,
  name: 'Web',
  properties: { tier: 'front' },
};

function ctx(calls: Record<string, (args: Value[]) => Value> = {}): ConditionContext {
  return {
    root: (name) => (name === 'element' ? element : undefined),
    call: (name, _subject, args) => calls[name]?.(args),
  };
}
const test = (text: string, c = ctx()) => compileCondition(text, where).test(c);

function errorOf(text: string, limits = DEFAULT_LIMITS): AppError {
  try {
    compileCondition(text, where, limits);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}

describe('condition language', () => {
  it('evaluates property access, comparisons and logic', () => {
    expect(test('element.internetFacing')).toBe(true);
    expect(test("element.kind == 'process' and not (element.authStrength >= 2)")).toBe(true);
    expect(test("element.kind == 'datastore' or element.type == 'api'")).toBe(false);
    expect(test('element.authStrength < 1')).toBe(false);
    expect(test("element.properties.tier == 'front'")).toBe(true);
    expect(test('element.properties.missing == null')).toBe(true);
  });

  it('supports contains, in and not in over lists and strings', () => {
    expect(test("element.data contains 'pii'")).toBe(true);
    expect(test("element.data contains 'card-data'")).toBe(false);
    expect(test("element.kind in ['process', 'datastore']")).toBe(true);
    expect(test("element.kind not in ['process']")).toBe(false);
    expect(test("'Web' in element.name")).toBe(true);
    expect(test("element.data in ['secrets', 'credentials']")).toBe(true);
  });

  it('passes evaluated arguments to relation functions', () => {
    const seen: Value[][] = [];
    const c = ctx({ hasTechnology: (args) => (seen.push(args), args.includes('nginx')) });
    expect(test("hasTechnology('nginx', 'apache')", c)).toBe(true);
    expect(seen).toEqual([['nginx', 'apache']]);
  });

  it('treats comparisons of different types as false, never as coercion', () => {
    expect(test("element.authStrength == '1'")).toBe(false);
    expect(test('element.name > 3')).toBe(false);
  });

  it('names the rule, field and column of a syntax error', () => {
    const e = errorOf("element.internetFacing and hasTechnology('nginx'");
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^rule 'test-rule' applies: expected '\)' at column 49$/);
    expect(e.location.column).toBe(49);
  });

  it('rejects unknown names, properties, functions and arity at parse time', () => {
    expect(errorOf('target.x').message).toContain("unknown name 'target'");
    expect(errorOf('element.internetFacin').message).toMatch(
      /unknown property 'element.internetFacin' at column 9/,
    );
    expect(errorOf("eval('x')").message).toContain("unknown function 'eval'");
    expect(errorOf('isType()').message).toContain('isType() takes 1 to 16 argument(s), got 0');
    expect(errorOf('element.kind == 1 == 2').message).toContain('cannot be chained');
    expect(errorOf('element.kind $ 1').message).toContain("unexpected character '$' at column 14");
    expect(errorOf("element.kind == 'open").message).toContain('unterminated string at column 17');
  });

  it('bounds nesting depth and length of hostile conditions', () => {
    expect(errorOf(`${'('.repeat(100)}true${')'.repeat(100)}`).message).toMatch(
      /nested deeper than 32 levels/,
    );
    expect(errorOf(`${'not '.repeat(100)}true`).message).toMatch(/nested deeper than 32 levels/);
    expect(errorOf(`${'['.repeat(100)}1${']'.repeat(100)}`).message).toMatch(/nested deeper than 32 levels/);
    expect(errorOf('true or '.repeat(1000) + 'true').message).toMatch(/longer than 4096 characters/);
  });

  it('keeps long and/or chains flat so evaluation depth stays bounded', () => {
    const chain = Array.from({ length: 400 }, () => 'element.internetFacing').join(' and ');
    expect(
      compileCondition(chain, where, { ...DEFAULT_LIMITS, maxConditionLength: 20_000 }).test(ctx()),
    ).toBe(true);
  });

  it('never throws anything but AppError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          compileCondition(text, where).test(ctx());
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
