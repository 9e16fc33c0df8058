// Ceiling: bare INSERTs of the same rows (id, type, json), batched, with no validation,
// canonicalization, observables or provenance: what the database alone can take.
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

const [file, target] = process.argv.slice(2) as [string, string];
const doc = JSON.parse(readFileSync(file, 'utf8')) as { objects: { id: string; type: string }[] };
const rows = doc.objects.map((o) => [o.id, o.type, JSON.stringify(o)] as const);

const t = performance.now();
if (target.startsWith('postgres')) {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  await client.query(
    'DROP TABLE IF EXISTS bench_ceiling; CREATE TABLE bench_ceiling (id text primary key, type text, json text)',
  );
  for (let i = 0; i < rows.length; i += 5000) {
    const b = rows.slice(i, i + 5000);
    await client.query('INSERT INTO bench_ceiling SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [
      b.map((r) => r[0]),
      b.map((r) => r[1]),
      b.map((r) => r[2]),
    ]);
  }
  await client.query('DROP TABLE bench_ceiling');
  await client.end();
} else {
  const db = new BetterSqlite3(target);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE bench_ceiling (id text primary key, type text, json text)');
  const ins = db.prepare('INSERT INTO bench_ceiling VALUES (?, ?, ?)');
  const batch = db.transaction((b: typeof rows) => {
    for (const r of b) ins.run(r[0], r[1], r[2]);
  });
  for (let i = 0; i < rows.length; i += 5000) batch(rows.slice(i, i + 5000));
  db.close();
}
process.stdout.write(JSON.stringify({ rows: rows.length, seconds: (performance.now() - t) / 1000 }));
