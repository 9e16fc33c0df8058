import type BetterSqlite3 from 'better-sqlite3';
import type { ProvenanceWrite } from '../ingest-writer.ts';
import { compareKeys } from '../key-order.ts';
import type { ObservableRow, ObservablesTable } from '../schema.ts';

/** The provenance reports of one (object, source) pair within a commit group, folded. */
interface FoldedProvenance {
  objectKey: number;
  sourceId: number;
  firstSeen: string;
  lastSeen: string;
  reliability: string | null;
  tlp: string | null;
  /** Sightings the first report adds to an existing row, and all later reports to any row. */
  firstBump: number;
  laterBumps: number;
}

/**
 * Observable and provenance rows held back until their commit group ends, then written in key
 * order. Observables are keyed by random values, so rows written as they come touch a random
 * page of a large B-tree each, and once the tree outgrows SQLite's cache nearly every row
 * reads and writes a page of its own; written in key order, a group touches each page once.
 * Provenance of objects created in the group appends (object keys grow) and is written at
 * once; a report on an existing object updates a row anywhere in the table and is held back.
 * Held-back reports of one pair are folded so that the result is exactly that of writing them
 * one by one.
 */
export function createIngestStaging(raw: BetterSqlite3.Database) {
  const insertObservable = raw.prepare(
    'INSERT OR IGNORE INTO observables (value, kind, object_key, range_lo, range_hi) VALUES (?, ?, ?, ?, ?)',
  );
  // A new row counts its first report as one sighting, whether it bumps or not (as a single
  // insert would); an existing row adds every report that bumps.
  const upsertProvenance = raw.prepare(
    `INSERT INTO provenance (object_key, source_id, first_seen, last_seen, times_seen, reliability, tlp)
     VALUES (?, ?, ?, ?, 1 + ?, ?, ?)
     ON CONFLICT (object_key, source_id) DO UPDATE SET
       last_seen = max(last_seen, excluded.last_seen),
       times_seen = times_seen + ?,
       reliability = excluded.reliability,
       tlp = excluded.tlp`,
  );
  let observables: ObservablesTable[] = [];
  let provenance = new Map<string, FoldedProvenance>();

  return {
    /** The observables of the object with this key. */
    observables(rows: readonly ObservableRow[], objectKey: number): void {
      for (const r of rows) observables.push({ ...r, object_key: objectKey });
    },

    /**
     * A provenance report on the object with this key; `created` when the object was created
     * in this group and this is its first report (its row does not exist yet). Such a report is
     * written at once: held back, a fresh ingest kept one entry per object on the heap until
     * the group ended.
     */
    provenance(p: ProvenanceWrite, objectKey: number, created: boolean): void {
      const bump = p.bump ? 1 : 0;
      if (created) {
        upsertProvenance.run(objectKey, p.sourceId, p.seen, p.seen, 0, p.reliability, p.tlp, bump);
        return;
      }
      const key = `${objectKey} ${p.sourceId}`;
      const folded = provenance.get(key);
      if (!folded) {
        provenance.set(key, {
          objectKey,
          sourceId: p.sourceId,
          firstSeen: p.seen,
          lastSeen: p.seen,
          reliability: p.reliability,
          tlp: p.tlp,
          firstBump: bump,
          laterBumps: 0,
        });
        return;
      }
      if (p.seen > folded.lastSeen) folded.lastSeen = p.seen;
      folded.reliability = p.reliability;
      folded.tlp = p.tlp;
      folded.laterBumps += bump;
    },

    /** Writes what is held, in key order, inside the caller's transaction. */
    drain(): void {
      observables.sort(
        (a, b) => compareKeys(a.value, b.value) || compareKeys(a.kind, b.kind) || a.object_key - b.object_key,
      );
      for (const o of observables)
        insertObservable.run(o.value, o.kind, o.object_key, o.range_lo, o.range_hi);
      const folded = [...provenance.values()].sort(
        (a, b) => a.objectKey - b.objectKey || a.sourceId - b.sourceId,
      );
      for (const p of folded) {
        upsertProvenance.run(
          p.objectKey,
          p.sourceId,
          p.firstSeen,
          p.lastSeen,
          p.laterBumps,
          p.reliability,
          p.tlp,
          p.firstBump + p.laterBumps,
        );
      }
      this.clear();
    },

    /** Forgets what is held (its transaction was rolled back). */
    clear(): void {
      observables = [];
      provenance = new Map();
    },
  };
}
