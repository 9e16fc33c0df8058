// Ceiling: every row an ingest of the bundle writes (objects with all their columns and
// indexes, the full-text index, observables, provenance), in the store's own schema, inserted
// bare: the rows are computed before the clock starts, nothing is looked up, merged or sorted.
// What the store's tables alone can take, against the ingest that also reads, validates,
// canonicalizes, plans and records provenance.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEFAULT_LIMITS } from '../src/core/limits.ts';
import { normalizeRecords } from '../src/intel/ingest/normalize-batches.ts';
import type { NormalizedItem } from '../src/intel/ingest/normalize.ts';
import { createStixSource } from '../src/intel/sources/stix.ts';
import { openStore } from '../src/store/open-store.ts';
import { schemaParam } from '../src/store/postgres/connect.ts';
import { copyText, type CopyValue } from '../src/store/postgres/copy.ts';
import { OBJECT_NAMES, OBSERVABLE_NAMES, PROVENANCE_NAMES } from '../src/store/postgres/ingest-columns.ts';
import { applySqliteSettings } from '../src/store/sqlite/connect.ts';

const [file, target] = process.argv.slice(2) as [string, string];
const now = new Date().toISOString();
await (await openStore(target)).close(); // the schema, by the store's migrations

const items: NormalizedItem[] = [];
const records = createStixSource().read({ location: file, limits: DEFAULT_LIMITS });
for await (const batch of normalizeRecords(records, { now }, 5000))
  for (const item of batch) if (item.ok) items.push(item);

const objectRow = (item: NormalizedItem, key: number): CopyValue[] => [
  ...OBJECT_NAMES.map((c) => item.row[c]),
  key,
];
const observableRows = (item: NormalizedItem, key: number): CopyValue[][] =>
  item.observables.map((o) => [o.value, o.kind, key, o.range_lo, o.range_hi]);
const provenanceRow = (key: number): CopyValue[] => [key, 1, now, now, 1, null, null];

const t = performance.now();
if (target.startsWith('postgres')) {
  const url = new URL(target);
  const schema = schemaParam(target);
  url.searchParams.delete('schema');
  const client = new pg.Client({
    connectionString: url.toString(),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  await client.query("INSERT INTO sources (id, name, created) VALUES (1, 'ceiling', $1)", [now]);
  const copy = async (
    table: string,
    columns: readonly string[],
    rows: (from: number, to: number) => CopyValue[][],
  ) => {
    const slices = function* () {
      for (let i = 0; i < items.length; i += 5000) yield copyText(table, columns, rows(i, i + 5000));
    };
    await pipeline(
      Readable.from(slices()),
      client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
    );
  };
  const keys = (from: number, to: number) =>
    items.slice(from, to).map((item, i) => [item, from + i + 1] as const);
  await client.query('BEGIN');
  await copy('objects', [...OBJECT_NAMES, 'key'], (a, b) =>
    keys(a, b).map(([item, key]) => objectRow(item, key)),
  );
  await copy('observables', OBSERVABLE_NAMES, (a, b) =>
    keys(a, b).flatMap(([item, key]) => observableRows(item, key)),
  );
  await copy('provenance', PROVENANCE_NAMES, (a, b) => keys(a, b).map(([, key]) => provenanceRow(key)));
  await client.query('COMMIT');
  await client.end();
} else {
  // The store's own settings and commit size, as in the ingest.
  const db = new BetterSqlite3(target);
  applySqliteSettings(db);
  db.prepare("INSERT INTO sources (id, name, created) VALUES (1, 'ceiling', ?)").run(now);
  const columns = [...OBJECT_NAMES, 'key'];
  const insertObject = db.prepare(
    `INSERT INTO objects (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const insertFts = db.prepare(
    'INSERT INTO objects_fts (rowid, name, description, aliases) VALUES (?, ?, ?, ?)',
  );
  const insertObservable = db.prepare(
    'INSERT OR IGNORE INTO observables (value, kind, object_key, range_lo, range_hi) VALUES (?, ?, ?, ?, ?)',
  );
  const insertProvenance = db.prepare(
    'INSERT INTO provenance (object_key, source_id, first_seen, last_seen, times_seen, reliability, tlp) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const group = db.transaction((from: number, to: number) => {
    for (let key = from + 1; key <= to; key++) {
      const item = items[key - 1]!;
      insertObject.run(objectRow(item, key));
      const { name, description, aliases } = item.row;
      if (name !== null || description !== null || aliases !== null)
        insertFts.run(key, name, description, aliases);
      for (const o of observableRows(item, key)) insertObservable.run(o);
      insertProvenance.run(provenanceRow(key));
    }
  });
  for (let i = 0; i < items.length; i += 100_000) group(i, Math.min(i + 100_000, items.length));
  db.close();
}
process.stdout.write(JSON.stringify({ rows: items.length, seconds: (performance.now() - t) / 1000 }));
