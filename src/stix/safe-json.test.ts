import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.ts';
import { DEFAULT_LIMITS } from '../core/limits.ts';
import { JsonValueScanner, parseJsonSafe } from './safe-json.ts';

const limits = { maxDepth: 8, maxStringLength: 20 };

function errorOf(text: string, path?: string): AppError {
  try {
    parseJsonSafe(text, { limits, path, file: 'x.json' });
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`parsed: ${text}`);
}

describe('parseJsonSafe', () => {
  it('gives what JSON.parse gives for JSON without forbidden keys', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), (text) => {
        fc.pre(!text.includes('__proto__') && !text.includes('constructor'));
        expect(parseJsonSafe(text, { limits: DEFAULT_LIMITS })).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['{"a":{"b":1,"c":2,"b":3}}', '$.a.b', 'duplicate key "b"'],
    ['[{"x":1},{"y":[{"k":1,"k":1}]}]', '$[1].y[0].k', 'duplicate key "k"'],
    ['{"a":1,"\\u0061":2}', '$.a', 'duplicate key "a"'],
    ['{"x-y":0,"x-y":0}', '$["x-y"]', 'duplicate key "x-y"'],
    ['{"a":{"__proto__":{"polluted":true}}}', '$.a.__proto__', 'forbidden key "__proto__"'],
    ['{"\\u005f_proto__":{}}', '$.__proto__', 'forbidden key "__proto__"'],
    ['{"constructor":{"prototype":{"x":1}}}', '$.constructor', 'forbidden key "constructor"'],
    ['{"a":[1,2', '$', 'invalid JSON'],
  ])('refuses %s at %s', (text, path, message) => {
    const error = errorOf(text);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.location).toEqual({ file: 'x.json', path });
    expect(error.message).toContain(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a constructor key that holds no prototype', () => {
    expect(parseJsonSafe('{"constructor":"x","prototype":1}', { limits })).toEqual({
      constructor: 'x',
      prototype: 1,
    });
  });

  it('extends the JSON path it is given', () => {
    expect(errorOf('{"k":1,"k":2}', '$.objects[7]').location.path).toBe('$.objects[7].k');
  });

  it('enforces the depth limit on the text, without recursion, even 100,000 deep', () => {
    expect(parseJsonSafe('[[[[[[[[1]]]]]]]]', { limits })).toEqual([[[[[[[[1]]]]]]]]);
    expect(errorOf('[[[[[[[[[1]]]]]]]]]').code).toBe('LIMIT_EXCEEDED');
    const deep = errorOf('['.repeat(100_000) + ']'.repeat(100_000));
    expect(deep.message).toContain('deeper than 8 levels');
  });

  it('enforces the string limit on values and keys, with the path', () => {
    const value = errorOf(`{"a":["${'x'.repeat(21)}"]}`);
    expect([value.code, value.location.path]).toEqual(['LIMIT_EXCEEDED', '$.a[0]']);
    expect(errorOf(`{"${'k'.repeat(21)}":1}`).message).toContain('key longer than 20');
    expect(parseJsonSafe(`"${'é'.repeat(20)}"`, { limits })).toHaveLength(20);
  });
});

describe('JsonValueScanner', () => {
  it('finds the end of a value and its bytes however the input is chunked', () => {
    fc.assert(
      fc.property(fc.json(), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), (text, sizes) => {
        const bytes = Buffer.from(`${text} ,rest`);
        const scanner = new JsonValueScanner({
          start: 0,
          maxBytes: 1e6,
          maxDepth: 1000,
          maxStringLength: 1e6,
        });
        let [at, end, k] = [0, -1, 0];
        while (end < 0) {
          const chunk = bytes.subarray(at, at + sizes[k++ % sizes.length]!);
          const found = scanner.scan(chunk, 0, at);
          end = found < 0 ? -1 : at + found;
          at += chunk.length;
        }
        expect(end).toBe(Buffer.byteLength(text));
        expect(scanner.bytes().toString()).toBe(text);
        expect(scanner.fatal).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('scans past an over-long value without keeping it', () => {
    const scanner = new JsonValueScanner({ start: 0, maxBytes: 10, maxDepth: 64, maxStringLength: 100 });
    const text = Buffer.from(`{"a":"${'x'.repeat(50)}"} next`);
    expect(scanner.scan(text, 0, 0)).toBe(text.indexOf(' next'));
    expect(scanner.problem?.message).toBe('value larger than 10 bytes');
  });

  it('stops at a mismatched bracket', () => {
    const scanner = new JsonValueScanner({ start: 0, maxBytes: 100, maxDepth: 64, maxStringLength: 100 });
    expect(scanner.scan(Buffer.from('{"a":[1}, {}'), 0, 100)).toBe(8);
    expect(scanner.fatal).toBe("mismatched '}' at byte 107");
  });
});
