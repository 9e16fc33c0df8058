import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComparisonExpression, Literal, ObjectPath, ObservationExpression, Qualifier } from './ast.ts';
import { parsePattern } from './parse.ts';
import { serializePattern } from './serialize.ts';
import { compareTimestamps } from '../timestamp.ts';

const digits = (min: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: 4 });
const uint = fc.oneof(
  fc.constant('0'),
  fc.tuple(fc.constantFrom(...'123456789'), digits(0)).map(([a, b]) => a + b),
);
const pad2 = (n: number) => String(n).padStart(2, '0');
const timestamp = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }), // every month has these days
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 60 }),
    frac: fc.option(digits(1), { nil: undefined }),
  })
  .map(
    (t) =>
      `${String(t.y).padStart(4, '0')}-${pad2(t.mo)}-${pad2(t.d)}T${pad2(t.h)}:${pad2(t.mi)}:${pad2(t.s)}` +
      `${t.frac === undefined ? '' : `.${t.frac}`}Z`,
  );

const literal: fc.Arbitrary<Literal> = fc.oneof(
  fc.string({ unit: 'binary' }).map((value) => ({ type: 'string' as const, value })),
  fc.tuple(fc.boolean(), uint).map(([neg, v]) => ({ type: 'int' as const, value: (neg ? '-' : '') + v })),
  fc
    .tuple(fc.boolean(), digits(0), digits(1))
    .map(([neg, a, b]) => ({ type: 'float' as const, value: `${neg ? '-' : ''}${a}.${b}` })),
  fc.boolean().map((value) => ({ type: 'bool' as const, value })),
  timestamp.map((value) => ({ type: 'timestamp' as const, value })),
  fc
    .uint8Array({ maxLength: 8 })
    .map((b) => ({ type: 'hex' as const, value: Buffer.from(b).toString('hex') })),
  fc
    .uint8Array({ minLength: 1, maxLength: 8 })
    .map((b) => ({ type: 'binary' as const, value: Buffer.from(b).toString('base64') })),
);

const name = (extra: string) =>
  fc
    .tuple(
      fc.constantFrom(...'abhtzAZ_'),
      fc.string({ unit: fc.constantFrom(...`abz09_${extra}`.split('')), maxLength: 6 }),
    )
    .map(([a, b]) => a + b);
const objectPath: fc.Arbitrary<ObjectPath> = fc.record({
  objectType: name('-'),
  steps: fc
    .tuple(
      fc.oneof(
        name(''),
        fc.string({ unit: 'binary', maxLength: 6 }),
        fc.constantFrom('AND', 'true', 'SHA-256'),
      ),
      fc.array(
        fc.oneof(
          name('').map((key) => ({ key })),
          fc.string({ maxLength: 4 }).map((key) => ({ key })),
          fc.oneof(fc.integer({ min: -9, max: 99 }), fc.constant('*' as const)).map((index) => ({ index })),
        ),
        { maxLength: 3 },
      ),
    )
    .map(([first, rest]) => [{ key: first }, ...rest]),
});

const operator = fc.constantFrom(
  '=',
  '!=',
  '>',
  '<',
  '>=',
  '<=',
  'LIKE',
  'MATCHES',
  'ISSUBSET',
  'ISSUPERSET',
);
const test: fc.Arbitrary<ComparisonExpression> = fc
  .record({ path: objectPath, operator, negated: fc.boolean(), value: literal })
  .map((t) => {
    if (t.operator === '=' || t.operator === '!=') return { type: 'test', ...t };
    const value = ['>', '<', '>=', '<='].includes(t.operator)
      ? t.value.type === 'bool'
        ? { type: 'int' as const, value: '1' }
        : t.value
      : { type: 'string' as const, value: String(t.value.value) };
    return { type: 'test', ...t, value };
  });
const leafComparison: fc.Arbitrary<ComparisonExpression> = fc.oneof(
  test,
  fc.record({
    type: fc.constant('in' as const),
    path: objectPath,
    negated: fc.boolean(),
    values: fc.array(literal, { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('exists' as const), path: objectPath }),
);
const qualifier: fc.Arbitrary<Qualifier> = fc.oneof(
  fc
    .oneof(
      uint,
      fc.tuple(digits(0), digits(1)).map(([a, b]) => `${a}.${b}`),
    )
    .filter((seconds) => Number(seconds) > 0)
    .map((seconds) => ({ type: 'within' as const, seconds })),
  fc.integer({ min: 1, max: 2 ** 31 }).map((times) => ({ type: 'repeats' as const, times })),
  fc
    .tuple(timestamp, timestamp)
    .filter(([a, b]) => compareTimestamps(a, b) !== 0)
    .map(([a, b]) => (compareTimestamps(a, b) < 0 ? [a, b] : [b, a]))
    .map(([start, stop]) => ({ type: 'start-stop' as const, start: start!, stop: stop! })),
);

const { pattern } = fc.letrec<{ comparison: ComparisonExpression; pattern: ObservationExpression }>(
  (tie) => ({
    comparison: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafComparison,
      fc.record({
        type: fc.constant('comparison-op' as const),
        operator: fc.constantFrom('AND' as const, 'OR' as const),
        operands: fc.array(tie('comparison'), { minLength: 2, maxLength: 3 }),
      }),
    ),
    pattern: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('comparison').map((comparison) => ({ type: 'observation' as const, comparison })),
      fc.record({
        type: fc.constant('observation-op' as const),
        operator: fc.constantFrom('AND' as const, 'OR' as const, 'FOLLOWEDBY' as const),
        operands: fc.array(tie('pattern'), { minLength: 2, maxLength: 3 }),
      }),
      fc.record({ type: fc.constant('qualified' as const), qualifier, expression: tie('pattern') }),
    ),
  }),
);

describe('serializePattern', () => {
  it('round-trips: parse(serialize(ast)) deep-equals ast', () => {
    fc.assert(
      fc.property(pattern, (ast) => {
        expect(parsePattern(serializePattern(ast))).toEqual(ast);
      }),
      { numRuns: 2000 },
    );
  });

  it('prints a canonical form', () => {
    const text =
      "([a:b == 'x' AND (a:c <> 1 OR a:d IN ('p','q'))])  AND [ipv4-addr:value = '1.2.3.4'] OR [file:hashes.'MD5' = 'ab'] WITHIN 5 SECONDS";
    expect(serializePattern(parsePattern(text))).toBe(
      "[a:b = 'x' AND (a:c != 1 OR a:d IN ('p', 'q'))] AND [ipv4-addr:value = '1.2.3.4'] OR [file:hashes.MD5 = 'ab'] WITHIN 5 SECONDS",
    );
  });

  it('keeps parentheses that change the nesting', () => {
    const text = '([a:b = 1] OR [a:b = 2]) AND ([a:b = 3] AND [a:b = 4]) REPEATS 2 TIMES';
    expect(serializePattern(parsePattern(text))).toBe(text);
  });
});
