import type BetterSqlite3 from 'better-sqlite3';
import type { CurrentVersion, IngestBatch, IngestWriter, ObjectRow, ObjectWrite } from '../ingest-writer.ts';
import { createIngestStaging } from './ingest-staging.ts';

const OBJECT_COLUMNS = [
  'id',
  'type',
  'spec_version',
  'created',
  'modified',
  'modified_key',
  'revoked',
  'confidence',
  'created_by_ref',
  'tlp',
  'name',
  'description',
  'aliases',
  'labels',
  'matchable',
  'json',
] as const;

/** Objects written between two commits of one ingest. */
const COMMIT_EVERY = 100_000;

/**
 * How long a commit group waits for SQLite's write lock. Another ingest holds it for a whole
 * group and takes it again right after committing, so an ingest started beside it may wait
 * until that one ends: it waits as long as a large ingest takes instead of failing.
 */
const WAIT_FOR_WRITE_LOCK_MS = 10 * 60_000;

/** Prepared statements over better-sqlite3: the fastest path SQLite offers (no query building per row). */
export function createSqliteIngestWriter(raw: BetterSqlite3.Database): IngestWriter {
  // Positional parameters: binding from an array is about twice as fast as by name from an object.
  const placeholders = OBJECT_COLUMNS.map(() => '?').join(', ');
  const values = (row: ObjectRow) => OBJECT_COLUMNS.map((c) => row[c]);
  const SET_COLUMNS = OBJECT_COLUMNS.slice(1); // all but the id
  const setValues = (row: ObjectRow) => [...SET_COLUMNS.map((c) => row[c]), row.id];
  const current = raw.prepare<
    [string],
    { key: number; id: string; modified_key: string | null; revoked: number }
  >('SELECT key, id, modified_key, revoked FROM objects WHERE id IN (SELECT value FROM json_each(?))');
  const insertObject = raw.prepare(
    `INSERT INTO objects (${OBJECT_COLUMNS.join(', ')}) VALUES (${placeholders})`,
  );
  const keepCurrentVersion = raw.prepare(
    "INSERT OR IGNORE INTO object_versions (id, modified_key, json) SELECT id, coalesce(modified_key, ''), json FROM objects WHERE id = ?",
  );
  const replaceObject = raw.prepare(
    `UPDATE objects SET ${SET_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
  );
  const insertFts = raw.prepare(
    'INSERT INTO objects_fts (rowid, name, description, aliases) VALUES (?, ?, ?, ?)',
  );
  const deleteFts = raw.prepare('DELETE FROM objects_fts WHERE rowid = ?');
  const insertOlder = raw.prepare(
    'INSERT OR IGNORE INTO object_versions (id, modified_key, json) VALUES (?, ?, ?)',
  );
  const deleteObservables = raw.prepare('DELETE FROM observables WHERE object_key = ?');
  const deleteRelationships = raw.prepare(
    "DELETE FROM relationships WHERE id = ? OR (source_ref = ? AND id LIKE 'ref:%')",
  );
  const upsertRelationship = raw.prepare(
    'INSERT OR REPLACE INTO relationships (id, source_ref, relationship_type, target_ref) VALUES (?, ?, ?, ?)',
  );
  const staging = createIngestStaging(raw);

  const writeChildren = (key: number, { observables, relationships }: ObjectWrite) => {
    staging.observables(observables, key);
    for (const r of relationships)
      upsertRelationship.run(r.id, r.source_ref, r.relationship_type, r.target_ref);
  };
  // The full-text index's rowid is the object's key.
  const indexText = (key: number, row: ObjectRow) => {
    if (row.name !== null || row.description !== null || row.aliases !== null) {
      insertFts.run(key, row.name, row.description, row.aliases);
    }
  };

  const write = (batch: IngestBatch) => {
    // A replacement deletes the object's observables: those held back must be in the table.
    if (batch.replaced.length > 0) staging.drain();
    const createdKeys = new Map<string, number>();
    for (const c of batch.created) {
      // The key is the rowid SQLite assigns: one more than the largest so far.
      const key = Number(insertObject.run(values(c.row)).lastInsertRowid);
      createdKeys.set(c.row.id, key);
      indexText(key, c.row);
      writeChildren(key, c);
    }
    for (const r of batch.replaced) {
      keepCurrentVersion.run(r.row.id);
      deleteFts.run(r.key);
      replaceObject.run(setValues(r.row));
      indexText(r.key, r.row);
      deleteObservables.run(r.key);
      deleteRelationships.run(r.row.id, r.row.id);
      writeChildren(r.key, r);
    }
    for (const o of batch.older) insertOlder.run(o.id, o.modified_key, o.json);
    // A report without a key is its object's first: the object was created by this batch.
    for (const p of batch.provenance)
      staging.provenance(p, p.objectKey ?? createdKeys.get(p.objectId)!, p.objectKey === null);
  };

  // Batches go into a longer transaction that commits every COMMIT_EVERY objects:
  // a commit writes every page the batch dirtied, and with random keys (UUIDs, values) nearly
  // each row dirties its own index pages, so fewer, larger commits write far fewer pages.
  const beginImmediate = raw.prepare('BEGIN IMMEDIATE');
  const begin = () => {
    const usual = raw.pragma('busy_timeout', { simple: true }) as number;
    raw.pragma(`busy_timeout = ${WAIT_FOR_WRITE_LOCK_MS}`);
    try {
      beginImmediate.run();
    } finally {
      raw.pragma(`busy_timeout = ${usual}`);
    }
  };
  const commit = raw.prepare('COMMIT');
  const rollback = raw.prepare('ROLLBACK');
  let open = false;
  let pending = 0;
  const takeLock = () => {
    if (!open) begin();
    open = true;
  };
  /** Runs work in the open group; if it throws, the whole uncommitted group is rolled back. */
  const guarded = (work: () => void) => {
    try {
      work();
    } catch (e) {
      // A savepoint per batch would cost a journal write of every page the batch touches;
      // a failed batch (disk full, a lock) instead rolls back the uncommitted group with it.
      if (raw.inTransaction) rollback.run();
      staging.clear();
      open = false;
      pending = 0;
      throw e;
    }
  };
  const flush = () => {
    if (open)
      guarded(() => {
        staging.drain();
        commit.run();
      });
    open = false;
    pending = 0;
    return Promise.resolve();
  };

  return {
    lock() {
      takeLock();
      return Promise.resolve();
    },
    currentVersions(ids) {
      // The group's transaction (and SQLite's write lock) begins before its batches are planned:
      // another process's ingest cannot create these ids between this read and the write.
      takeLock();
      const out = new Map<string, CurrentVersion>();
      for (const r of current.all(JSON.stringify(ids))) {
        out.set(r.id, { key: r.key, modifiedKey: r.modified_key, revoked: r.revoked === 1 });
      }
      return Promise.resolve(out);
    },
    writeBatch(batch) {
      takeLock();
      guarded(() => write(batch));
      pending += batch.provenance.length; // one per object of the batch
      return pending >= COMMIT_EVERY ? flush() : Promise.resolve();
    },
    flush,
  };
}
