// Ceiling: every row an ingest of the bundle writes (objects with all their columns and
// indexes, the full-text index, observables, provenance), in the store's own schema, in the
// groups and order the ingest writes them, inserted bare: the rows are computed and ordered
// before the clock starts; nothing is looked up, planned or merged. What the store's tables
// alone can take, against the ingest that also reads, validates, canonicalizes and plans.
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
import {
  OBJECT_NAMES,
  OBSERVABLE_NAMES,
  PROVENANCE_NAMES,
  valuesOf,
} from '../src/store/postgres/ingest-columns.ts';
import { compareKeys } from '../src/store/key-order.ts';
import { applySqliteSettings } from '../src/store/sqlite/connect.ts';

const [file, target] = process.argv.slice(2) as [string, string];
const now = new Date().toISOString();
await (await openStore(target)).close(); // the schema, by the store's migrations

const items: NormalizedItem[] = [];
const records = createStixSource().read({ location: file, limits: DEFAULT_LIMITS });
for await (const batch of normalizeRecords(records, { now }, 5000))
  for (const item of batch) if (item.ok) items.push(item);

/** The object columns with the key last, as the ingest's COPY writes them. */
const OBJECT_KEYED = [...OBJECT_NAMES, 'key'];
const objectRow = (item: NormalizedItem, key: number): CopyValue[] => [
  ...valuesOf(item.row, OBJECT_NAMES),
  key,
];
const observableRows = (item: NormalizedItem, key: number): CopyValue[][] =>
  item.observables.map((o) => valuesOf({ ...o, object_key: key }, OBSERVABLE_NAMES));
const provenanceRow = (key: number): CopyValue[] => [key, 1, now, now, 1, null, null];

/** The rows of objects [from, to), keyed from 1 in bundle order. */
function rowsOf(from: number, to: number) {
  const objects: CopyValue[][] = [];
  const observables: CopyValue[][] = [];
  const provenance: CopyValue[][] = [];
  for (let key = from + 1; key <= Math.min(to, items.length); key++) {
    const item = items[key - 1]!;
    objects.push(objectRow(item, key));
    observables.push(...observableRows(item, key));
    provenance.push(provenanceRow(key));
  }
  return { objects, observables, provenance };
}

let seconds: number;
if (target.startsWith('postgres')) {
  // As the ingest writes: batches of 5,000 objects, each one transaction of three COPYs that
  // does not wait for the WAL flush, two at a time; the COPY text is made before the clock.
  const batches: (readonly [table: string, columns: readonly string[], text: string])[][] = [];
  for (let i = 0; i < items.length; i += 5000) {
    const rows = rowsOf(i, i + 5000);
    batches.push([
      ['objects', OBJECT_KEYED, copyText('objects', OBJECT_KEYED, rows.objects)],
      ['observables', OBSERVABLE_NAMES, copyText('observables', OBSERVABLE_NAMES, rows.observables)],
      ['provenance', PROVENANCE_NAMES, copyText('provenance', PROVENANCE_NAMES, rows.provenance)],
    ]);
  }
  const url = new URL(target);
  const schema = schemaParam(target);
  url.searchParams.delete('schema');
  // Two connections, each writing every other batch, as the ingest's writer does.
  const clients = [0, 1].map(
    () =>
      new pg.Client({
        connectionString: url.toString(),
        ...(schema ? { options: `-c search_path=${schema}` } : {}),
      }),
  );
  for (const client of clients) await client.connect();
  await clients[0]!.query("INSERT INTO sources (id, name, created) VALUES (1, 'ceiling', $1)", [now]);
  const t = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      for (let b = c; b < batches.length; b += clients.length) {
        await client.query('BEGIN; SET LOCAL synchronous_commit = off');
        for (const [table, columns, text] of batches[b]!) {
          await pipeline(
            Readable.from([text]),
            client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)),
          );
        }
        await client.query('COMMIT');
      }
    }),
  );
  seconds = (performance.now() - t) / 1000;
  for (const client of clients) await client.end();
} else {
  // As the ingest writes: groups of 100,000 objects, one transaction each, the group's
  // observables in key order after its objects (they are keyed by random values).
  const groups: ReturnType<typeof rowsOf>[] = [];
  for (let i = 0; i < items.length; i += 100_000) {
    const rows = rowsOf(i, i + 100_000);
    rows.observables.sort(
      (a, b) =>
        compareKeys(a[0] as string, b[0] as string) ||
        compareKeys(a[1] as string, b[1] as string) ||
        (a[2] as number) - (b[2] as number),
    );
    groups.push(rows);
  }
  // The store's own settings.
  const db = new BetterSqlite3(target);
  applySqliteSettings(db);
  db.prepare("INSERT INTO sources (id, name, created) VALUES (1, 'ceiling', ?)").run(now);
  const insertObject = db.prepare(
    `INSERT INTO objects (${OBJECT_KEYED.join(', ')}) VALUES (${OBJECT_KEYED.map(() => '?').join(', ')})`,
  );
  const nameAt = OBJECT_KEYED.indexOf('name');
  const insertFts = db.prepare(
    'INSERT INTO objects_fts (rowid, name, description, aliases) VALUES (?, ?, ?, ?)',
  );
  const insertObservable = db.prepare(
    'INSERT OR IGNORE INTO observables (value, kind, object_key, range_lo, range_hi) VALUES (?, ?, ?, ?, ?)',
  );
  const insertProvenance = db.prepare(
    'INSERT INTO provenance (object_key, source_id, first_seen, last_seen, times_seen, reliability, tlp) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const write = db.transaction((rows: ReturnType<typeof rowsOf>) => {
    for (const o of rows.objects) {
      insertObject.run(o);
      // name, description and aliases follow each other among the object columns.
      const [name, description, aliases] = o.slice(nameAt, nameAt + 3);
      if (name !== null || description !== null || aliases !== null)
        insertFts.run(o.at(-1), name, description, aliases);
    }
    for (const o of rows.observables) insertObservable.run(o);
    for (const p of rows.provenance) insertProvenance.run(p);
  });
  const t = performance.now();
  for (const rows of groups) write(rows);
  seconds = (performance.now() - t) / 1000;
  db.close();
}
process.stdout.write(JSON.stringify({ rows: items.length, seconds }));
