import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { migrationProvider } from '../../src/store/migrations/index.ts';
import { findObservable } from '../../src/store/observables-repo.ts';
import { connectPostgres, schemaParam } from '../../src/store/postgres/connect.ts';
import { provenanceOf } from '../../src/store/provenance-repo.ts';
import { connectSqlite } from '../../src/store/sqlite/connect.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { indicator, stixRecords } from '../intel/records.ts';

const A = 'indicator--00000000-0000-4000-8000-00000000000a';
const B = 'malware--00000000-0000-4000-8000-00000000000b';
const C = 'indicator--00000000-0000-4000-8000-00000000000c';

describe.each(DIALECTS)('migration 009 (object keys) on %s', (dialect) => {
  const testDb = freshDb(dialect);
  afterAll(() => testDb.drop());

  it('keys observables and provenance of a store written before it by object, losing nothing', async () => {
    // A store as the migrations before 009 left it, with data in the old layout.
    const old = dialect === 'postgres' ? await connectPostgres(testDb.url) : connectSqlite(testDb.url);
    const schema = dialect === 'postgres' ? (schemaParam(testDb.url) ?? 'public') : undefined;
    const { error } = await new Migrator({
      db: old.db,
      provider: migrationProvider(dialect),
      ...(schema ? { migrationTableSchema: schema } : {}),
    }).migrateTo('008-ingest-indexes');
    expect(error).toBeUndefined();
    await sql`INSERT INTO objects (id, type, name, json) VALUES
      (${A}, 'indicator', 'alpha beacon', ${JSON.stringify({ id: A })}),
      (${B}, 'malware', 'bravo loader', ${JSON.stringify({ id: B })})`.execute(old.db);
    if (dialect === 'sqlite') {
      await sql`INSERT INTO objects_fts (rowid, name, description, aliases)
        SELECT rowid, name, description, aliases FROM objects`.execute(old.db);
    }
    await sql`INSERT INTO observables (value, kind, object_id) VALUES
      ('198.51.100.7', 'ipv4', ${A}), ('example.org', 'domain', ${B}), ('example.org', 'domain', ${A})`.execute(
      old.db,
    );
    await sql`INSERT INTO sources (name, reliability, tlp, created) VALUES ('feed-x', 'B', 'green', '2026-01-01T00:00:00Z')`.execute(
      old.db,
    );
    await sql`INSERT INTO provenance (object_id, source_id, first_seen, last_seen, times_seen, reliability, tlp) VALUES
      (${A}, 1, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 3, 'B', 'green'),
      (${B}, 1, '2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z', 1, 'B', 'green')`.execute(old.db);
    await old.close();

    const store = await testDb.open();
    try {
      expect(await findObservable(store, { kind: 'ipv4', value: '198.51.100.7' })).toEqual([
        { value: '198.51.100.7', kind: 'ipv4', objectId: A, match: 'exact' },
      ]);
      expect(
        (await findObservable(store, { kind: 'domain', value: 'example.org' })).map((h) => h.objectId).sort(),
      ).toEqual([A, B]);
      expect(await provenanceOf(store, [A, B])).toEqual([
        {
          objectId: A,
          source: 'feed-x',
          reliability: 'B',
          tlp: 'green',
          firstSeen: '2026-01-01T00:00:00Z',
          lastSeen: '2026-02-01T00:00:00Z',
          timesSeen: 3,
        },
        {
          objectId: B,
          source: 'feed-x',
          reliability: 'B',
          tlp: 'green',
          firstSeen: '2026-01-05T00:00:00Z',
          lastSeen: '2026-01-05T00:00:00Z',
          timesSeen: 1,
        },
      ]);
      // The full-text index still finds each object by its name.
      expect(await store.textSearch('bravo', { limit: 10, maxTlp: 4 })).toEqual([B]);
      expect(await store.textSearch('beacon', { limit: 10, maxTlp: 4 })).toEqual([A]);

      // New objects get keys after the existing ones, and their rows refer to them.
      await ingest({
        store,
        records: stixRecords([indicator(C, "[ipv4-addr:value = '203.0.113.9']")]),
        format: 'stix',
        sourceName: 'feed-y',
      });
      const keys = await store.db.selectFrom('objects').select(['id', 'key']).orderBy('key').execute();
      expect(keys.map((k) => k.id)).toEqual([A, B, C]);
      expect(new Set(keys.map((k) => Number(k.key))).size).toBe(3);
      expect(await findObservable(store, { kind: 'ipv4', value: '203.0.113.9' })).toEqual([
        { value: '203.0.113.9', kind: 'ipv4', objectId: C, match: 'exact' },
      ]);
      expect((await provenanceOf(store, [C])).map((p) => p.source)).toEqual(['feed-y']);
    } finally {
      await store.close();
    }
  });
});
