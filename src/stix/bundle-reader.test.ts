import { describe, expect, it } from 'vitest';
import type { AppError } from '../core/errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../core/limits.ts';
import { readBundle, type BundleItem } from './bundle-reader.ts';

const ID = 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d';
const limits: Limits = { ...DEFAULT_LIMITS, maxObjectBytes: 4096, maxDepth: 16, maxStringLength: 1000 };

function* chunked(input: Buffer | string, size = 7): Generator<Buffer> {
  const bytes = Buffer.from(input);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(
  input: Buffer | string | Iterable<Buffer | string>,
  opts = { limits },
): Promise<BundleItem[]> {
  const source = typeof input === 'string' || Buffer.isBuffer(input) ? chunked(input) : input;
  const items: BundleItem[] = [];
  for await (const item of readBundle(source, { ...opts, file: 'in.json' })) items.push(item);
  return items;
}

/** Each item as the object, or as `index code path message` for an error. */
function summary(items: BundleItem[]): unknown[] {
  return items.map((i) => ('error' in i ? describeError(i.index, i.error) : i.object));
}

function describeError(index: number, e: AppError): string {
  return `${index} ${e.code} ${e.location.path} ${e.message}`;
}

const bundle = (objects: string) => `{"type":"bundle","id":"${ID}","objects":[${objects}]}`;

describe('readBundle reads', () => {
  it('the objects of a bundle, in order', async () => {
    expect(summary(await read(bundle('{"type":"a"} , {"type":"b","x":[1,{"y":"]}"}]}')))).toEqual([
      { type: 'a' },
      { type: 'b', x: [1, { y: ']}' }] },
    ]);
  });

  it('a bundle whose objects come before its type, with a BOM, whitespace and string chunks', async () => {
    const text = `\uFEFF\n { "objects" : [ {"type":"a"} ] , "id":"${ID}", "type" : "bundle", "spec_version":"2.0" }\n`;
    function* oneCharacterStrings() {
      yield* text;
    }
    expect(summary(await read(oneCharacterStrings()))).toEqual([{ type: 'a' }]);
  });

  it('an empty bundle, a top-level array and a bare object', async () => {
    expect(await read(`{"type":"bundle","id":"${ID}"}`)).toEqual([]);
    expect(summary(await read('[{"type":"a"},{"type":"b"}]'))).toEqual([{ type: 'a' }, { type: 'b' }]);
    expect(summary(await read('[]'))).toEqual([]);
    const bare = '{"type":"indicator","objects":[1],"pattern":"[a:b = 1]"}';
    expect(summary(await read(bare))).toEqual([JSON.parse(bare)]);
  });
});

describe('readBundle reports a bad element and goes on with the next', () => {
  it.each([
    ['duplicate key', '{"type":"x","type":"y"}', '1 INVALID_INPUT $.objects[1].type duplicate key "type"'],
    [
      '__proto__ key',
      '{"a":{"__proto__":{"p":1}}}',
      '1 INVALID_INPUT $.objects[1].a.__proto__ forbidden key "__proto__"',
    ],
    ['not an object', '"text"', '1 INVALID_INPUT $.objects[1] $.objects[1] is not a JSON object'],
    ['invalid JSON', '{"a" 1}', '1 INVALID_INPUT $.objects[1] invalid JSON'],
    ['a trailing comma', '{"a":1,}', '1 INVALID_INPUT $.objects[1] invalid JSON'],
    [
      'nesting 100,000 deep',
      '['.repeat(100_000) + ']'.repeat(100_000),
      '1 LIMIT_EXCEEDED $.objects[1] nesting deeper than 16',
    ],
    [
      'an over-long element',
      `{"d":"${'x'.repeat(5000)}"}`,
      '1 LIMIT_EXCEEDED $.objects[1] value larger than 4096 bytes',
    ],
    [
      'a long string',
      `{"d":"${'x'.repeat(1001)}"}`,
      '1 LIMIT_EXCEEDED $.objects[1].d string longer than 1000',
    ],
  ])('%s', async (_, element, expected) => {
    const items = summary(await read(bundle(`{"n":0},${element},{"n":2}`)));
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({ n: 0 });
    expect(items[1]).toMatch(new RegExp(`^${expected.replace(/[[\]$.*+?^(){}|\\]/g, '\\$&')}`));
    expect(items[2]).toEqual({ n: 2 });
  });

  it('names the byte where UTF-8 decoding fails', async () => {
    const prefix = bundle('{"n":0},{"s":"').slice(0, -2);
    const input = Buffer.concat([
      Buffer.from(prefix),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"},{"n":2}]}'),
    ]);
    expect(summary(await read(input))).toEqual([
      { n: 0 },
      `1 INVALID_INPUT $.objects[1] invalid UTF-8 at byte ${prefix.length + 1} in $.objects[1]`,
      { n: 2 },
    ]);
  });

  it('skips a 50 MB string without holding it', async () => {
    function* input() {
      yield bundle('{"n":0},{"s":"').slice(0, -2);
      const mb = Buffer.alloc(1 << 20, 'a');
      for (let i = 0; i < 50; i++) yield mb;
      yield '"},{"n":2}]}';
    }
    const items = summary(await read(input(), { limits: DEFAULT_LIMITS }));
    expect(items).toHaveLength(3);
    expect(items[1]).toMatch(/^1 LIMIT_EXCEEDED \$\.objects\[1\] string longer than 1048576 characters/);
    expect(items[2]).toEqual({ n: 2 });
  });
});

describe('readBundle stops with a final error when the structure is broken', () => {
  const start = bundle('').slice(0, -2); // `{"type":"bundle","id":"…","objects":[`
  it.each([
    [
      'truncated inside an element',
      `${start}{"n":0},{"n":1`,
      `1 INVALID_INPUT $.objects[1] input truncated: it ends at byte ${start.length + 14} inside $.objects[1], which starts at byte ${start.length + 8}`,
    ],
    ['truncated between elements', `${start}{"n":0},`, '1 INVALID_INPUT $.objects[1] input truncated'],
    ['truncated after the array', `${start}{"n":0}]`, '1 INVALID_INPUT $ input truncated'],
    [
      'a missing comma',
      `${start}{"n":0} {"n":1}]}`,
      `1 INVALID_INPUT $.objects[1] expected ',' or ']' at byte ${start.length + 8}, found '{'`,
    ],
    [
      'a mismatched bracket',
      `${start}{"n":0},{"a":[1}]}`,
      `1 INVALID_INPUT $.objects[1] mismatched '}' at byte ${start.length + 15}`,
    ],
    [
      'data after the end',
      `${start}{"n":0}]} x`,
      `1 INVALID_INPUT $ expected nothing after the end of the JSON value at byte ${start.length + 10}, found 'x'`,
    ],
  ])('%s', async (_, input, expected) => {
    const items = summary(await read(input));
    expect(items[0]).toEqual({ n: 0 });
    expect(items.slice(1)).toHaveLength(1);
    expect(items[1]).toMatch(new RegExp(`^${expected.replace(/[[\]$.*+?^(){}|\\]/g, '\\$&')}`));
  });

  it.each([
    ['empty input', '', '0 INVALID_INPUT $ input truncated: it ends at byte 0 before any JSON value'],
    [
      'binary garbage',
      Buffer.from([0x00, 0xff, 0x13, 0x37]),
      '0 INVALID_INPUT $ expected a STIX bundle, an array of objects or one object at byte 0, found byte 0x00',
    ],
    [
      'a scalar',
      '42',
      "0 INVALID_INPUT $ expected a STIX bundle, an array of objects or one object at byte 0, found '4'",
    ],
  ])('%s', async (_, input, expected) => {
    expect(summary(await read(input))).toEqual([expected]);
  });
});

describe('readBundle checks the bundle envelope (errors at index -1)', () => {
  it('type, id and spec_version', async () => {
    const items = await read(`{"objects":[{"n":0}],"type":"report","id":"bundle--nope","spec_version":"9"}`);
    expect(summary(items)).toEqual([
      { n: 0 },
      '-1 INVALID_INPUT $.type a bundle\'s type must be "bundle", not "report"',
      '-1 INVALID_INPUT $.id invalid bundle id "bundle--nope"',
      '-1 INVALID_INPUT $.spec_version unknown spec_version "9"',
    ]);
  });

  it('duplicate and bad envelope members', async () => {
    const items = await read(`{"type":"bundle","id":"${ID}","id":"${ID}","x":[1,],"objects":[]}`);
    expect(summary(items)).toEqual([
      '-1 INVALID_INPUT $.id duplicate or forbidden key "id"',
      expect.stringMatching(/^-1 INVALID_INPUT \$\.x invalid JSON/),
    ]);
  });

  it('keeps only the envelope of a bundle whose other members are huge', async () => {
    const filler = Array.from({ length: 10 }, (_, i) => `"x_${i}":"${'f'.repeat(900)}"`).join(',');
    const items = await read(`{"type":"bundle",${filler},"id":"${ID}","objects":[{"n":0}]}`);
    expect(summary(items)).toEqual([{ n: 0 }]);
    expect(summary(await read(`{"type":"x",${filler}}`))).toEqual([
      '0 LIMIT_EXCEEDED $ object larger than 4096 bytes',
    ]);
  });

  it('a bare object with a bad member is one error at index 0', async () => {
    expect(summary(await read('{"type":"x","a":{"k":1,"k":2}}'))).toEqual([
      expect.stringMatching(/^0 INVALID_INPUT \$\.a\.k duplicate key "k"/),
    ]);
  });
});
