import type BetterSqlite3 from 'better-sqlite3';
import type { ProvenanceWrite } from '../ingest-writer.ts';
import { compareKeys } from '../key-order.ts';
import type { ObservablesTable } from '../schema.ts';

/** The provenance reports of one (object, source) pair within a commit group, folded. */
interface FoldedProvenance {
  objectId: string;
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
 * order. Both tables are keyed by random values (observables by value, provenance by object
 * id), so rows written as they come touch a random page of a large B-tree each, and once the
 * trees outgrow SQLite's cache nearly every row reads and writes a page of its own; written in
 * key order, a group touches each page once. Provenance reports of one pair are folded so
 * that the result is exactly that of writing them one by one.
 */
export function createIngestStaging(raw: BetterSqlite3.Database) {
  const insertObservable = raw.prepare(
    'INSERT OR IGNORE INTO observables (value, kind, object_id, range_lo, range_hi) VALUES (?, ?, ?, ?, ?)',
  );
  // A new row counts its first report as one sighting, whether it bumps or not (as a single
  // insert would); an existing row adds every report that bumps.
  const upsertProvenance = raw.prepare(
    `INSERT INTO provenance (object_id, source_id, first_seen, last_seen, times_seen, reliability, tlp)
     VALUES (?, ?, ?, ?, 1 + ?, ?, ?)
     ON CONFLICT (object_id, source_id) DO UPDATE SET
       last_seen = max(last_seen, excluded.last_seen),
       times_seen = times_seen + ?,
       reliability = excluded.reliability,
       tlp = excluded.tlp`,
  );
  let observables: ObservablesTable[] = [];
  let provenance = new Map<string, FoldedProvenance>();

  return {
    observables(rows: readonly ObservablesTable[]): void {
      for (const r of rows) observables.push(r);
    },

    provenance(p: ProvenanceWrite): void {
      const key = `${p.objectId}\u0000${p.sourceId}`;
      const bump = p.bump ? 1 : 0;
      const folded = provenance.get(key);
      if (!folded) {
        provenance.set(key, {
          objectId: p.objectId,
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
        (a, b) =>
          compareKeys(a.value, b.value) ||
          compareKeys(a.kind, b.kind) ||
          compareKeys(a.object_id, b.object_id),
      );
      for (const o of observables) insertObservable.run(o.value, o.kind, o.object_id, o.range_lo, o.range_hi);
      const folded = [...provenance.values()].sort(
        (a, b) => compareKeys(a.objectId, b.objectId) || a.sourceId - b.sourceId,
      );
      for (const p of folded) {
        upsertProvenance.run(
          p.objectId,
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
