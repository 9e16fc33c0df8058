import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestLocation } from '../../src/intel/ingest/ingest.ts';
import { detectFormat } from '../../src/intel/sources/detect-format.ts';
import { countByType } from '../../src/store/objects-repo.ts';
import { TLP2_MARKING_IDS } from '../../src/stix/markings.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { DIALECTS, freshDb } from '../dialects.ts';

/** The CSV and MISP inputs of the corpora, each read as `intel ingest <path>` reads it. */
const INPUTS = [
  corpus('misp', 'feed-circl-osint-sample'),
  corpus('kev', 'known_exploited_vulnerabilities.csv'),
  corpus('misp', 'pymisp-tests', 'csv_testfiles', 'valid_fieldnames.csv'),
  corpus('misp', 'pymisp-tests', 'csv_testfiles', 'invalid_fieldnames.csv'),
];
const CASES = INPUTS.flatMap((input) => DIALECTS.map((dialect) => [input, dialect] as const));

describe.skipIf(!corporaPresent).each(CASES)('%s ingested twice on %s', (input, dialect) => {
  const testDb = freshDb(dialect);
  afterAll(() => testDb.drop());

  // No saved feed state between the runs: the second run reads every item again.
  const run = async () => {
    const store = await testDb.open();
    try {
      const format = await detectFormat(input);
      const { result } = await ingestLocation({ store, location: input, format, sourceName: 'corpus' });
      return { result, counts: await countByType(store, LOCAL_OPERATOR) };
    } finally {
      await store.close();
    }
  };

  it('lands every item the first time and adds nothing the second', async () => {
    const first = await run();
    expect(first.result.rejected).toEqual([]);
    expect(first.result.counts.received).toBeGreaterThan(0);
    expect(first.result.counts.created).toBe(first.result.counts.received);

    const second = await run();
    expect(second.result.counts).toEqual({
      received: first.result.counts.received,
      created: 0,
      updated: 0,
      unchanged: first.result.counts.received,
      rejected: 0,
    });
    expect(second.counts).toEqual(first.counts);
  });
});

describe.skipIf(!corporaPresent).each(DIALECTS)('MISP TLP tags on %s', (dialect) => {
  const testDb = freshDb(dialect);
  afterAll(() => testDb.drop());

  it("marks each attribute's indicator or observable with its event's TLP", async () => {
    const store = await testDb.open();
    try {
      const location = corpus('misp', 'feed-circl-osint-sample');
      await ingestLocation({ store, location, format: 'misp', sourceName: 'circl' });
      const rows = await store.db
        .selectFrom('objects')
        .select(['type', 'json'])
        .where('type', '!=', 'report')
        .execute();
      // Links not flagged to_ids are observed URLs (SCOs); the rest are indicators.
      expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['indicator', 'url']));
      // The sample's events are tagged tlp:white, which TLP 2.0 reads as CLEAR.
      for (const { json } of rows) {
        expect((JSON.parse(json) as Record<string, unknown>).object_marking_refs).toEqual([
          TLP2_MARKING_IDS.clear,
        ]);
      }
    } finally {
      await store.close();
    }
  });

  it('keeps each event its own observable of a shared value, under its own marking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'threatloom-misp-tlp-'));
    const store = await testDb.open();
    try {
      const event = (uuid: string, tlp: string, attribute: string) => ({
        Event: {
          uuid,
          info: `event ${tlp}`,
          date: '2026-05-01',
          timestamp: '1777600000',
          Tag: [{ name: `tlp:${tlp}` }],
          Attribute: [
            { uuid: attribute, type: 'ip-dst', value: '203.0.113.5', to_ids: false, timestamp: '1777600000' },
          ],
        },
      });
      const red = 'a1f9e7c2-5b3d-4e8f-9a6b-1c2d3e4f5a6b';
      const clear = 'b2e8d6c1-4a2c-4d7e-8b5a-2d3e4f5a6b7c';
      for (const [name, doc] of [
        ['red.json', event('c3d7c5b0-3b1b-4c6d-9c4b-3e4f5a6b7c8d', 'red', red)],
        ['clear.json', event('d4c6b4a9-2c0a-4b5c-8d3a-4f5a6b7c8d9e', 'clear', clear)],
      ] as const) {
        writeFileSync(join(dir, name), JSON.stringify(doc));
        await ingestLocation({ store, location: join(dir, name), format: 'misp', sourceName: name });
      }
      const rows = await store.db
        .selectFrom('objects')
        .select(['id', 'json'])
        .where('type', '=', 'ipv4-addr')
        .orderBy('id')
        .execute();
      expect(
        rows.map((r) => [r.id, (JSON.parse(r.json) as Record<string, unknown>).object_marking_refs]),
      ).toEqual([
        [`ipv4-addr--${red}`, [TLP2_MARKING_IDS.red]],
        [`ipv4-addr--${clear}`, [TLP2_MARKING_IDS.clear]],
      ]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
