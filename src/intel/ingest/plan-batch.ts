import type { CurrentVersion, IngestBatch, ProvenanceWrite } from '../../store/ingest-writer.ts';
import type { NormalizedItem } from './normalize.ts';

export type Outcome = 'created' | 'updated' | 'unchanged';

export interface PlannedBatch {
  batch: IngestBatch;
  outcomes: Outcome[];
}

interface Provenance {
  sourceId: number;
  seen: string;
  reliability: string | null;
  tlp: string | null;
}

/** What the plan knows of an id: its current version, keyless if this batch creates it. */
type Known = Omit<CurrentVersion, 'key'> & { key: number | null };

function isNewer(a: string | null, b: string | null): boolean {
  return a !== null && (b === null || a > b);
}

/**
 * Decides, for each item of a batch in order, whether it creates an object, replaces the
 * current version (a newer `modified`, STIX 2.1 §3.6), or changes nothing; an older version
 * is kept in the history. A revoked object stays revoked (§3.6: revocation is final).
 */
export function planBatch(
  items: NormalizedItem[],
  current: Map<string, CurrentVersion>,
  prov: Provenance,
): PlannedBatch {
  const known = new Map<string, Known>(current);
  const created = new Map<string, IngestBatch['created'][number]>();
  const replaced = new Map<string, IngestBatch['replaced'][number]>();
  const older: IngestBatch['older'] = [];
  const provenance = new Map<string, ProvenanceWrite>();
  const outcomes: Outcome[] = [];

  for (const item of items) {
    const { id, row } = item;
    const entry = { row, observables: item.observables, relationships: item.relationships };
    const cur = known.get(id);
    const key = cur?.key ?? null;
    let outcome: Outcome;
    if (cur === undefined) {
      created.set(id, entry);
      outcome = 'created';
    } else if (item.versioned && isNewer(row.modified_key, cur.modifiedKey) && !cur.revoked) {
      // A version written earlier in this same batch becomes history before it is ever stored.
      const pending = created.get(id) ?? replaced.get(id);
      if (pending) older.push({ id, modified_key: cur.modifiedKey ?? '', json: pending.row.json });
      if (key === null) created.set(id, entry);
      else replaced.set(id, { ...entry, key });
      outcome = 'updated';
    } else {
      if (item.versioned && row.modified_key !== null && row.modified_key !== cur.modifiedKey) {
        older.push({ id, modified_key: row.modified_key, json: row.json });
      }
      outcome = 'unchanged';
    }
    if (outcome !== 'unchanged')
      known.set(id, { key, modifiedKey: row.modified_key, revoked: row.revoked === 1 });
    const bump = outcome !== 'unchanged' || provenance.get(id)?.bump === true;
    provenance.set(id, { objectId: id, objectKey: key, ...prov, bump });
    outcomes.push(outcome);
  }
  return {
    batch: {
      created: [...created.values()],
      replaced: [...replaced.values()],
      older,
      provenance: [...provenance.values()],
    },
    outcomes,
  };
}
