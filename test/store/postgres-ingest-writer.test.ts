import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.ts';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { observablesWithObjects } from '../../src/store/observables-repo.ts';
import type { IngestBatch, ObjectRow, ProvenanceWrite } from '../../src/store/ingest-writer.ts';
import { copyText } from '../../src/store/postgres/copy.ts';
import { schemaParam } from '../../src/store/postgres/connect.ts';
import { createPostgresIngestWriter } from '../../src/store/postgres/ingest-writer.ts';
import type { ObservableRow, RelationshipsTable } from '../../src/store/schema.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS, freshDb, useFreshStore } from '../dialects.ts';
import { indicator, stixRecords } from '../intel/records.ts';

/** Text PostgreSQL stores as is but COPY's text format must escape, and near misses. */
const AWKWARD = [
  'tab\there',
  'line\nbreak',
  'crlf\r\nend',
  'back\\slash \\t \\n \\\\',
  '\\N',
  '\\.',
  'quotes \' " ` ,;|',
  'unicode ü 漢字 🦀 e\u0301 \u200d עברית',
  '\u0001\u007f control',
  '',
  '  spaced  ',
  'NULL',
  '{"a":[1,"\\u0000"]}',
];

describe('COPY text encoding', () => {
  it('escapes backslash, tab, newline and carriage return, and writes NULL as \\N', () => {
    expect(copyText('t', ['a', 'b', 'c', 'd'], [['x\\y\tz\n\r', null, 7, '']])).toBe(
      'x\\\\y\\tz\\n\\r\t\\N\t7\t\n',
    );
  });

  it('refuses a NUL character, naming the table, column and row', () => {
    expect(() => copyText('objects', ['id', 'name'], [['malware--1', 'a\u0000b']])).toThrow(
      /NUL character \(U\+0000\): objects\.name of "malware--1"/,
    );
  });
});

const ID = (n: number) => `indicator--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function row(id: string, over: Partial<ObjectRow> = {}): ObjectRow {
  return {
    id,
    type: 'indicator',
    spec_version: '2.1',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    modified_key: '2026-01-01T00:00:00.000000000Z',
    revoked: 0,
    confidence: null,
    created_by_ref: null,
    tlp: 0,
    name: null,
    description: null,
    aliases: null,
    labels: null,
    matchable: null,
    json: JSON.stringify({ id }),
    ...over,
  };
}

function entry(
  r: ObjectRow,
  observables: ObservableRow[] = [],
  relationships: RelationshipsTable[] = [],
): IngestBatch['created'][number] {
  return { row: r, observables, relationships };
}

/** A report on an object: `objectKey` null when the batch creates it. */
function prov(
  objectId: string,
  sourceId: number,
  seen = '2026-02-01T00:00:00Z',
  objectKey: number | null = null,
): ProvenanceWrite {
  return { objectId, objectKey, sourceId, seen, bump: true, reliability: 'B', tlp: null };
}

function batch(over: Partial<IngestBatch>): IngestBatch {
  return { created: [], replaced: [], older: [], provenance: [], ...over };
}

describe.each(DIALECTS.filter((d) => d === 'postgres'))('PostgreSQL ingest writer', (dialect) => {
  const testDb = freshDb(dialect);
  const store = useFreshStore(dialect, testDb);

  /** The objects' rows as ingest wrote them (without the key the store gave them). */
  const objectsOf = async (ids: string[]) =>
    (await store().db.selectFrom('objects').selectAll().where('id', 'in', ids).orderBy('id').execute()).map(
      ({ key: _, ...r }) => r,
    );
  const keyOf = async (id: string) => (await store().ingestWriter.currentVersions([id])).get(id)!.key;
  const provenanceOf = (id: string) =>
    store()
      .db.selectFrom('provenance as p')
      .innerJoin('objects as o', 'o.key', 'p.object_key')
      .select(['p.source_id', 'p.times_seen', 'p.first_seen', 'p.last_seen'])
      .where('o.id', '=', id)
      .orderBy('p.source_id')
      .execute();
  const countWhere = async (table: 'observables' | 'provenance', ids: string[]) => {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} t
      JOIN objects o ON o.key = t.object_key WHERE o.id IN (${sql.join(ids)})`.execute(store().db);
    return Number(rows[0]!.n);
  };

  it('round-trips awkward text, numbers and NULLs exactly through COPY', async () => {
    const rows = AWKWARD.map((s, i) =>
      row(ID(100 + i), {
        name: s,
        description: `${s}|${s}`,
        aliases: i % 2 === 0 ? s : null,
        labels: JSON.stringify([s]),
        created_by_ref: i % 3 === 0 ? null : s,
        confidence: i % 2 === 0 ? i : null,
        matchable: i % 3 === 0 ? null : i % 2,
        revoked: i % 2,
        tlp: i % 5,
        json: JSON.stringify({ id: ID(100 + i), name: s }),
      }),
    );
    const observables = (s: string): ObservableRow[] => [
      { value: s, kind: 'domain', range_lo: null, range_hi: null },
      { value: s, kind: 'domain', range_lo: null, range_hi: null },
      { value: `${s}/24`, kind: 'cidr4', range_lo: `${s}lo`, range_hi: `${s}hi` },
    ];
    const refs = (id: string, s: string): RelationshipsTable[] => [
      { id: `ref:${id}:object:${s}`, source_ref: id, relationship_type: 'object', target_ref: s },
      { id: `ref:${id}:object:${s}`, source_ref: id, relationship_type: 'object', target_ref: s },
    ];
    await store().ingestWriter.writeBatch(
      batch({
        created: rows.map((r, i) => entry(r, observables(AWKWARD[i]!), refs(r.id, AWKWARD[i]!))),
        provenance: rows.map((r, i) => ({ ...prov(r.id, 1), reliability: AWKWARD[i]!, tlp: null })),
      }),
    );
    const ids = rows.map((r) => r.id);
    expect(await objectsOf(ids)).toEqual(rows);
    const obs = await observablesWithObjects(store())
      .select(['v.value', 'v.kind', 'v.range_lo', 'v.range_hi', 'o.id'])
      .where('o.id', 'in', ids)
      .orderBy('o.id')
      .orderBy('v.kind')
      .execute();
    expect(obs).toEqual(
      rows.flatMap((r, i) =>
        [observables(AWKWARD[i]!)[2], observables(AWKWARD[i]!)[0]].map((o) => ({ ...o, id: r.id })),
      ),
    );
    const rels = await store()
      .db.selectFrom('relationships')
      .selectAll()
      .where('source_ref', 'in', ids)
      .orderBy('source_ref')
      .execute();
    expect(rels).toEqual(rows.map((r, i) => refs(r.id, AWKWARD[i]!)[0]));
    const reliabilities = await store()
      .db.selectFrom('provenance as p')
      .innerJoin('objects as o', 'o.key', 'p.object_key')
      .select(['o.id', 'p.reliability', 'p.tlp', 'p.times_seen'])
      .where('o.id', 'in', ids)
      .orderBy('o.id')
      .execute();
    expect(reliabilities).toEqual(
      rows.map((r, i) => ({ id: r.id, reliability: AWKWARD[i], tlp: null, times_seen: 1 })),
    );
  });

  it('merges an id another client created after currentVersions: one row, right versions and provenance', async () => {
    const other = await testDb.open();
    try {
      const [newer, same, older, fresh] = [ID(201), ID(202), ID(203), ID(204)];
      const v = (id: string, day: string) =>
        row(id, {
          modified: `2026-03-${day}T00:00:00.000Z`,
          modified_key: `2026-03-${day}T00:00:00.000000000Z`,
          name: `${id} ${day}`,
          json: JSON.stringify({ id, day }),
        });
      expect((await store().ingestWriter.currentVersions([newer, same, older, fresh])).size).toBe(0);
      // The other client (source 2) writes three of the ids this writer is about to create.
      await other.ingestWriter.writeBatch(
        batch({
          created: [entry(v(newer, '01')), entry(v(same, '05')), entry(v(older, '09'))],
          provenance: [prov(newer, 2), prov(same, 1), prov(older, 2)],
        }),
      );
      const obs = (id: string): ObservableRow[] => [
        { value: `${id}.example`, kind: 'domain', range_lo: null, range_hi: null },
      ];
      const elsewhere = await store().ingestWriter.writeBatch(
        batch({
          created: [newer, same, older, fresh].map((id) => entry(v(id, '05'), obs(id))),
          provenance: [newer, same, older, fresh].map((id) => prov(id, 1, '2026-03-10T00:00:00Z')),
        }),
      );

      // What became of the objects planned as created that the other client had created.
      expect(elsewhere).toEqual(
        new Map([
          [newer, 'updated'],
          [same, 'unchanged'],
          [older, 'unchanged'],
        ]),
      );
      const current = await objectsOf([newer, same, older, fresh]);
      expect(current.map((o) => [o.id, o.name])).toEqual([
        [newer, `${newer} 05`],
        [same, `${same} 05`],
        [older, `${older} 09`],
        [fresh, `${fresh} 05`],
      ]);
      const versions = await store()
        .db.selectFrom('object_versions')
        .select(['id', 'modified_key'])
        .where('id', 'in', [newer, same, older, fresh])
        .orderBy('id')
        .execute();
      expect(versions).toEqual([
        { id: newer, modified_key: '2026-03-01T00:00:00.000000000Z' },
        { id: older, modified_key: '2026-03-05T00:00:00.000000000Z' },
      ]);
      const observables = await observablesWithObjects(store())
        .select('o.id')
        .where('o.id', 'in', [newer, same, older, fresh])
        .orderBy('o.id')
        .execute();
      // The replaced and the new object carry this version's observables; the kept one has none of them.
      expect(observables.map((o) => o.id)).toEqual([newer, fresh]);
      expect(await provenanceOf(newer)).toEqual([
        {
          source_id: 1,
          times_seen: 1,
          first_seen: '2026-03-10T00:00:00Z',
          last_seen: '2026-03-10T00:00:00Z',
        },
        {
          source_id: 2,
          times_seen: 1,
          first_seen: '2026-02-01T00:00:00Z',
          last_seen: '2026-02-01T00:00:00Z',
        },
      ]);
      // Same source, same version: seen again but not a new sighting, as if planned after the other write.
      expect(await provenanceOf(same)).toEqual([
        {
          source_id: 1,
          times_seen: 1,
          first_seen: '2026-02-01T00:00:00Z',
          last_seen: '2026-03-10T00:00:00Z',
        },
      ]);
      expect(await provenanceOf(fresh)).toEqual([
        {
          source_id: 1,
          times_seen: 1,
          first_seen: '2026-03-10T00:00:00Z',
          last_seen: '2026-03-10T00:00:00Z',
        },
      ]);
    } finally {
      await other.close();
    }
  });

  it('ends with one row per object when two ingests of overlapping feeds run at once', async () => {
    const other = await testDb.open();
    try {
      const objects = Array.from({ length: 3000 }, (_, i) =>
        indicator(ID(10_000 + i), `[ipv4-addr:value = '198.51.${Math.floor(i / 250)}.${i % 250}']`),
      );
      const run = (s: Store, sourceName: string, list: unknown[]) =>
        ingest({ store: s, records: stixRecords(list), format: 'stix', sourceName, batchSize: 500 });
      // Opposite orders, so that the two meet in the middle with batches planned on stale reads.
      await Promise.all([run(store(), 'race-a', objects), run(other, 'race-b', [...objects].reverse())]);
      const ids = objects.map((o) => o.id as string);
      expect((await objectsOf(ids)).length).toBe(ids.length);
      expect(await countWhere('observables', ids)).toBe(ids.length);
      const seen = await store()
        .db.selectFrom('provenance as p')
        .innerJoin('objects as o', 'o.key', 'p.object_key')
        .select(({ fn }) => [
          fn.countAll<string>().as('rows'),
          fn.sum<string>('p.times_seen').as('sightings'),
        ])
        .where('o.id', 'in', ids)
        .executeTakeFirstOrThrow();
      expect([Number(seen.rows), Number(seen.sightings)]).toEqual([2 * ids.length, 2 * ids.length]);
    } finally {
      await other.close();
    }
  });

  it('leaves nothing of a batch that fails after its COPY', async () => {
    const ids = [ID(301), ID(302)];
    const existing = row(ID(303));
    await store().ingestWriter.writeBatch(
      batch({ created: [entry(existing)], provenance: [prov(existing.id, 1)] }),
    );
    const existingKey = await keyOf(existing.id);
    const failing = batch({
      created: ids.map((id) =>
        entry(row(id), [{ value: `${id}.example`, kind: 'domain', range_lo: null, range_hi: null }]),
      ),
      // type is NOT NULL: the replacement fails once the created rows are in.
      replaced: [{ ...entry(row(existing.id, { type: null as unknown as string })), key: existingKey }],
      provenance: [
        ...ids.map((id) => prov(id, 1, '2026-04-01T00:00:00Z')),
        prov(existing.id, 1, '2026-04-01T00:00:00Z', existingKey),
      ],
    });
    await expect(store().ingestWriter.writeBatch(failing)).rejects.toMatchObject({ code: '23502' });
    expect(await objectsOf(ids)).toEqual([]);
    expect(await countWhere('observables', ids)).toBe(0);
    expect(await countWhere('provenance', ids)).toBe(0);
    expect(await objectsOf([existing.id])).toEqual([existing]);
    expect((await provenanceOf(existing.id))[0]?.last_seen).toBe('2026-02-01T00:00:00Z');
  });

  it('refuses a NUL character with a clear error and writes nothing of the batch', async () => {
    const ok = ID(401);
    const copied = batch({
      created: [entry(row(ok)), entry(row(ID(402), { description: 'a\u0000b' }))],
      provenance: [prov(ok, 1)],
    });
    await expect(store().ingestWriter.writeBatch(copied)).rejects.toThrow(
      /NUL character \(U\+0000\): objects\.description of "indicator--/,
    );
    const existing = row(ID(403));
    await store().ingestWriter.writeBatch(
      batch({ created: [entry(existing)], provenance: [prov(existing.id, 1)] }),
    );
    // A replacement goes through an upsert, where PostgreSQL itself refuses the NUL.
    const existingKey = await keyOf(existing.id);
    const upserted = batch({
      created: [entry(row(ok))],
      replaced: [
        { ...entry(row(existing.id, { name: 'a\u0000b', modified_key: '2027' })), key: existingKey },
      ],
      provenance: [prov(ok, 1), prov(existing.id, 1, undefined, existingKey)],
    });
    const error = await store()
      .ingestWriter.writeBatch(upserted)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/cannot hold a NUL character/);
    expect(await objectsOf([ok, ID(402)])).toEqual([]);
    expect(await objectsOf([existing.id])).toEqual([existing]);
  });

  it('analyzes the ingest tables once it has written enough objects', async () => {
    const url = new URL(testDb.url);
    const schema = schemaParam(testDb.url)!;
    url.searchParams.delete('schema');
    const pool = new pg.Pool({ connectionString: url.toString(), options: `-c search_path=${schema}` });
    try {
      const reltuples = async () =>
        (
          await pool.query<{ n: number }>(
            "SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'observables'::regclass",
          )
        ).rows[0]!.n;
      const before = await reltuples();
      const writer = createPostgresIngestWriter(pool, { analyzeAfter: 3 });
      const ids = [ID(501), ID(502), ID(503)];
      const write = (id: string) =>
        writer.writeBatch(
          batch({
            created: [
              entry(row(id), [{ value: `${id}.example`, kind: 'domain', range_lo: null, range_hi: null }]),
            ],
            provenance: [prov(id, 1)],
          }),
        );
      await write(ids[0]!);
      await write(ids[1]!);
      expect(await reltuples()).toBe(before);
      await write(ids[2]!);
      const observables = (await store().db.selectFrom('observables').select('value').execute()).length;
      expect(await reltuples()).toBe(observables);
    } finally {
      await pool.end();
    }
  });
});
