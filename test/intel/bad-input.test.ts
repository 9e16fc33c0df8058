import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { createCsvSource } from '../../src/intel/sources/csv.ts';
import { createStixSource } from '../../src/intel/sources/stix.ts';
import { getObject } from '../../src/store/objects-repo.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { DIALECTS, useFreshStore } from '../dialects.ts';
import { indicator, stixRecords } from './records.ts';

const dir = mkdtempSync(join(tmpdir(), 'threatloom-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD_A = 'indicator--0a0a0a0a-1111-4111-8111-0a0a0a0a0a0a';
const GOOD_B = 'indicator--0b0b0b0b-2222-4222-8222-0b0b0b0b0b0b';
const BEFORE_TRUNCATION = 'indicator--0d0d0d0d-5555-4555-8555-0d0d0d0d0d0d';
const good = (id: string, ip: string) => JSON.stringify(indicator(id, `[ipv4-addr:value = '${ip}']`));
const bad = (n: number, fields: string) =>
  `{"type":"indicator","spec_version":"2.1","id":"indicator--0c0c0c0c-3333-4333-8333-${String(n).padStart(12, '0')}",${fields}}`;
const base =
  '"created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"';

/** Hostile elements between two good ones: each must be rejected alone, at its own path. */
const HOSTILE: [string, string, RegExp][] = [
  ['wrong types', bad(1, `${base},"pattern":42`), /\.pattern/],
  [
    'nesting 100,000 deep',
    bad(
      2,
      `${base},"pattern":"[ipv4-addr:value = '1.1.1.1']","x_deep":${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    ),
    /\$\.objects\[\d+\]/,
  ],
  [
    'a 50 MB string',
    bad(
      3,
      `${base},"pattern":"[ipv4-addr:value = '1.1.1.1']","description":"${'A'.repeat(50 * 1024 * 1024)}"`,
    ),
    /\$\.objects\[\d+\]/,
  ],
  [
    'an invalid id',
    `{"type":"indicator","spec_version":"2.1","id":"indicator--not-a-uuid",${base},"pattern":"[ipv4-addr:value = '1.1.1.1']"}`,
    /\.id/,
  ],
  [
    'a type/id mismatch',
    `{"type":"indicator","spec_version":"2.1","id":"malware--0c0c0c0c-3333-4333-8333-000000000005",${base},"pattern":"[ipv4-addr:value = '1.1.1.1']"}`,
    /\.(id|type)/,
  ],
  [
    'duplicate keys',
    bad(6, `${base},"pattern":"[ipv4-addr:value = '1.1.1.1']","pattern":"[ipv4-addr:value = '2.2.2.2']"`),
    /pattern/,
  ],
  [
    'a __proto__ key',
    bad(7, `${base},"pattern":"[ipv4-addr:value = '1.1.1.1']","__proto__":{"polluted":true}`),
    /__proto__/,
  ],
  [
    'constructor.prototype',
    bad(8, `${base},"pattern":"[ipv4-addr:value = '1.1.1.1']","constructor":{"prototype":{"polluted":true}}`),
    /constructor/,
  ],
  ['a bad pattern', bad(9, `${base},"pattern":"[ipv4-addr:value = '1.1.1.1'"`), /\.pattern/],
];

describe.each(DIALECTS)('hostile input on %s', (dialect) => {
  const store = useFreshStore(dialect);

  it.each(HOSTILE)(
    'rejects %s at its path, keeps its siblings, and stores nothing of it',
    async (_what, element, pathRe) => {
      const file = join(dir, 'hostile.json');
      writeFileSync(
        file,
        `{"type":"bundle","id":"bundle--0d0d0d0d-4444-4444-8444-0d0d0d0d0d0d","objects":[${good(GOOD_A, '198.51.100.1')},${element},${good(GOOD_B, '198.51.100.2')}]}`,
      );
      const rssBefore = process.memoryUsage().rss;
      const r = await ingest({
        store: store(),
        records: createStixSource().read({ location: file, limits: DEFAULT_LIMITS }),
        format: 'stix',
        sourceName: 'hostile',
      });
      expect(r.counts.rejected).toBe(1);
      expect(r.rejected[0]!.index).toBe(1);
      expect(r.rejected[0]!.path).toMatch(pathRe);
      expect(r.rejected[0]!.message.length).toBeGreaterThan(0);
      expect(await getObject(store(), LOCAL_OPERATOR, GOOD_A)).toBeDefined();
      expect(await getObject(store(), LOCAL_OPERATOR, GOOD_B)).toBeDefined();
      for (const id of [...element.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]!)) {
        expect(await getObject(store(), LOCAL_OPERATOR, id)).toBeUndefined();
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // Bounded memory: the 50 MB element is skipped, not held several times over.
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
    },
  );

  it('names a bad pattern by its plain JSON path and its object id, with the column in the message', async () => {
    const id = 'indicator--0c0c0c0c-3333-4333-8333-000000000019';
    const r = await ingest({
      store: store(),
      records: stixRecords([indicator(id, "[ipv4-addr:value = '1.1.1.1' AND]")]),
      format: 'stix',
      sourceName: 'bad-pattern',
    });
    expect(r.rejected).toEqual([
      expect.objectContaining({
        id,
        path: '$.objects[0].pattern',
        message: expect.stringMatching(/column \d+/),
      }),
    ]);
  });

  it('stores an object whose name holds U+0000 (which PostgreSQL text cannot) with its JSON exact', async () => {
    const id = 'indicator--0e0e0e0e-5555-4555-8555-0e0e0e0e0e0e';
    const object = indicator(id, "[ipv4-addr:value = '198.51.100.3']", {
      name: 'nul\u0000inside',
      description: 'also\u0000here',
    });
    const r = await ingest({
      store: store(),
      records: stixRecords([object]),
      format: 'stix',
      sourceName: 'nul',
    });
    expect(r.counts).toMatchObject({ created: 1, rejected: 0 });
    const stored = await getObject(store(), LOCAL_OPERATOR, id);
    expect(stored?.object).toEqual(object);
    const row = await store()
      .db.selectFrom('objects')
      .select(['name', 'description'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toEqual({ name: 'nul\uFFFDinside', description: 'also\uFFFDhere' });
  });

  it('keeps what came before a truncation and names where the input ended', async () => {
    const file = join(dir, 'truncated.json');
    writeFileSync(
      file,
      `{"type":"bundle","id":"bundle--0d0d0d0d-4444-4444-8444-0d0d0d0d0d0d","objects":[${good(BEFORE_TRUNCATION, '198.51.100.31')},{"type":"indic`,
    );
    const r = await ingest({
      store: store(),
      records: createStixSource().read({ location: file, limits: DEFAULT_LIMITS }),
      format: 'stix',
      sourceName: 'truncated',
    });
    expect(r.counts).toMatchObject({ received: 2, created: 1, rejected: 1 });
    expect(r.rejected[0]!.message).toMatch(/byte \d+/);
    expect(await getObject(store(), LOCAL_OPERATOR, BEFORE_TRUNCATION)).toBeDefined();
  });

  it('rejects a 100 MB CSV line, binary garbage and invalid UTF-8 by line, and reads the lines after them', async () => {
    const file = join(dir, 'hostile.csv');
    const garbage = Buffer.from([0x00, 0xff, 0x13, 0x88, 0xc3, 0x28, 0x0a]);
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('value\n198.51.100.10\n'),
        Buffer.alloc(100 * 1024 * 1024, 0x61),
        Buffer.from('\n'),
        garbage,
        Buffer.from('bad\xc3\x28utf8.example.com\n', 'latin1'),
        Buffer.from('198.51.100.11\n'),
      ]),
    );
    const r = await ingest({
      store: store(),
      records: createCsvSource().read({ location: file, limits: DEFAULT_LIMITS }),
      format: 'csv',
      sourceName: 'hostile-csv',
    });
    expect(r.counts.created + r.counts.unchanged).toBe(2);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5]);
  });
});
