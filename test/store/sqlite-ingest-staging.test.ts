import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvenanceWrite } from '../../src/store/ingest-writer.ts';
import type { ProvenanceTable } from '../../src/store/schema.ts';
import { createIngestStaging } from '../../src/store/sqlite/ingest-staging.ts';
import { freshDb } from '../dialects.ts';

type Row = ProvenanceTable;

/** The rule for one report written alone: the oracle the folded, key-ordered writes must match. */
function applyOneByOne(rows: Map<string, Row>, p: ProvenanceWrite): void {
  const key = `${p.objectKey}|${p.sourceId}`;
  const row = rows.get(key);
  if (!row) {
    rows.set(key, {
      object_key: p.objectKey!,
      source_id: p.sourceId,
      first_seen: p.seen,
      last_seen: p.seen,
      times_seen: 1,
      reliability: p.reliability,
      tlp: p.tlp,
    });
    return;
  }
  if (p.seen > row.last_seen) row.last_seen = p.seen;
  row.times_seen += p.bump ? 1 : 0;
  row.reliability = p.reliability;
  row.tlp = p.tlp;
}

const seen = fc.constantFrom(
  '2026-01-01T00:00:00.000Z',
  '2026-02-01T00:00:00.000Z',
  '2026-03-01T00:00:00.000Z',
);
const pair = fc.record({
  objectKey: fc.constantFrom(2, 1, 3),
  sourceId: fc.constantFrom(1, 2),
});
const existing = fc.record({ at: pair, seen, times: fc.integer({ min: 1, max: 9 }) });
/** Key 4 is an object created in the group: it has no row before its first report. */
const NEW_KEY = 4;
const report = fc.record({
  at: fc.record({ objectKey: fc.constantFrom(2, 1, 3, NEW_KEY), sourceId: fc.constantFrom(1, 2) }),
  seen,
  bump: fc.boolean(),
  reliability: fc.constantFrom('A', 'C', null),
  tlp: fc.constantFrom('clear', 'red', null),
});
const observable = fc.record({
  value: fc.constantFrom('198.51.100.7', 'example.org', 'b38e42a03e26f7cb4a35b67112dd08e5'),
  kind: fc.constantFrom('ipv4', 'domain', 'md5'),
  object_key: fc.constantFrom(1, 2),
});

describe('SQLite ingest staging', () => {
  const testDb = freshDb('sqlite');
  let raw: BetterSqlite3.Database;
  beforeAll(async () => {
    await (await testDb.open()).close(); // creates the tables
    raw = new BetterSqlite3(testDb.url);
  });
  afterAll(async () => {
    raw.close();
    await testDb.drop();
  });

  it('writes provenance and observables exactly as writing each report alone would', () => {
    const staging = createIngestStaging(raw);
    const insert = raw.prepare(
      'INSERT INTO provenance (object_key, source_id, first_seen, last_seen, times_seen, reliability, tlp) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(existing, { selector: (e) => `${e.at.objectKey}|${e.at.sourceId}`, maxLength: 4 }),
        fc.array(report, { maxLength: 12 }),
        fc.array(observable, { maxLength: 8 }),
        (before, reports, observables) => {
          raw.exec('DELETE FROM provenance; DELETE FROM observables');
          const expected = new Map<string, Row>();
          for (const e of before) {
            const row = {
              object_key: e.at.objectKey,
              source_id: e.at.sourceId,
              first_seen: e.seen,
              last_seen: e.seen,
              times_seen: e.times,
              reliability: 'B',
              tlp: 'amber',
            };
            insert.run(...Object.values(row));
            expected.set(`${row.object_key}|${row.source_id}`, row);
          }
          const writes = reports.map((r) => ({
            ...r.at,
            objectId: `indicator--${r.at.objectKey}`,
            seen: r.seen,
            bump: r.bump,
            reliability: r.reliability,
            tlp: r.tlp,
          }));
          for (const p of writes) applyOneByOne(expected, p);

          raw.transaction(() => {
            const reported = new Set<string>();
            for (const p of writes) {
              const at = `${p.objectKey}|${p.sourceId}`;
              staging.provenance(p, p.objectKey, p.objectKey === NEW_KEY && !reported.has(at));
              reported.add(at);
            }
            for (const o of observables)
              staging.observables(
                [{ value: o.value, kind: o.kind, range_lo: null, range_hi: null }],
                o.object_key,
              );
            staging.drain();
          })();

          const stored = raw.prepare('SELECT * FROM provenance ORDER BY object_key, source_id').all();
          const want = [...expected.values()].sort(
            (a, b) => a.object_key - b.object_key || a.source_id - b.source_id,
          );
          expect(stored).toEqual(want);
          const values = raw
            .prepare('SELECT value, kind, object_key FROM observables ORDER BY 1, 2, 3')
            .all();
          const unique = [
            ...new Map(observables.map((o) => [`${o.value}|${o.kind}|${o.object_key}`, o])).values(),
          ];
          expect(values).toEqual(
            unique.sort((a, b) =>
              `${a.value}|${a.kind}|${a.object_key}` < `${b.value}|${b.kind}|${b.object_key}` ? -1 : 1,
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds nothing back after a drain or a clear', () => {
    const staging = createIngestStaging(raw);
    raw.exec('DELETE FROM provenance');
    staging.provenance(
      {
        objectId: 'indicator--a',
        objectKey: 1,
        sourceId: 1,
        seen: '2026-01-01T00:00:00.000Z',
        bump: true,
        reliability: null,
        tlp: null,
      },
      1,
      false,
    );
    staging.clear();
    staging.drain();
    expect(raw.prepare('SELECT count(*) AS n FROM provenance').get()).toEqual({ n: 0 });
  });
});
