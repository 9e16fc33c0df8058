// Ceiling: the fastest bare load of the same rows (id, type, json), with no validation,
// canonicalization, observables or provenance: what the database alone can take.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { applySqliteSettings } from '../src/store/sqlite/connect.ts';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText } from '../src/store/postgres/copy.ts';

const [file, target] = process.argv.slice(2) as [string, string];
const doc = JSON.parse(readFileSync(file, 'utf8')) as { objects: { id: string; type: string }[] };
const rows = doc.objects.map((o) => [o.id, o.type, JSON.stringify(o)] as const);

const t = performance.now();
if (target.startsWith('postgres')) {
  // One COPY streamed in slices of 5,000 rows: the fastest bare way PostgreSQL loads rows.
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  await client.query(
    'DROP TABLE IF EXISTS bench_ceiling; CREATE TABLE bench_ceiling (id text primary key, type text, json text)',
  );
  const columns = ['id', 'type', 'json'];
  const slices = function* () {
    for (let i = 0; i < rows.length; i += 5000)
      yield copyText('bench_ceiling', columns, rows.slice(i, i + 5000));
  };
  await pipeline(
    Readable.from(slices()),
    client.query(copyFrom(`COPY bench_ceiling (${columns.join(', ')}) FROM STDIN`)),
  );
  await client.query('DROP TABLE bench_ceiling');
  await client.end();
} else {
  // The store's own settings and commit size, so that the ceiling differs from ingest only
  // by the work ingest does.
  const db = new BetterSqlite3(target);
  applySqliteSettings(db);
  db.exec('CREATE TABLE bench_ceiling (id text primary key, type text, json text)');
  const ins = db.prepare('INSERT INTO bench_ceiling VALUES (?, ?, ?)');
  const batch = db.transaction((b: typeof rows) => {
    for (const r of b) ins.run(r[0], r[1], r[2]);
  });
  for (let i = 0; i < rows.length; i += 100_000) batch(rows.slice(i, i + 100_000));
  db.close();
}
process.stdout.write(JSON.stringify({ rows: rows.length, seconds: (performance.now() - t) / 1000 }));
