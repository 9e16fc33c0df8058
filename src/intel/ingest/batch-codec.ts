import type { ItemLocation } from '../source.ts';
import type { NormalizedBatch } from './normalize-batches.ts';
import type { NormalizedItem, NormalizedReject } from './normalize.ts';

/**
 * A normalized batch flattened into one array of scalars, for the trip from the normalize
 * worker to the writing thread. Structured cloning copies a flat array of strings and numbers
 * several times faster than ~25 small objects per item, and the writing thread (the bottleneck
 * of an ingest) pays for the copy. The layout is private to packItem and unpackBatch.
 */
export type PackedBatch = { count: number; cells: (string | number | boolean | null | undefined)[] };

/** Appends one item to a batch being packed. */
export function packItem(cells: PackedBatch['cells'], item: NormalizedItem | NormalizedReject): void {
  const { index, line, path } = item.location;
  if (!item.ok) {
    cells.push(false, index, line, path, item.id, item.message);
    return;
  }
  const r = item.row;
  cells.push(true, index, line, path, r.id, item.versioned);
  cells.push(r.type, r.spec_version, r.created, r.modified, r.modified_key, r.revoked, r.confidence);
  cells.push(r.created_by_ref, r.tlp, r.name, r.description, r.aliases, r.labels, r.matchable, r.json);
  cells.push(item.observables.length);
  for (const o of item.observables) cells.push(o.value, o.kind, o.range_lo, o.range_hi);
  cells.push(item.relationships.length);
  for (const x of item.relationships) cells.push(x.id, x.source_ref, x.relationship_type, x.target_ref);
}

/** Unpacks a packed batch (or part of one) onto the end of `batch`, and returns it. */
export function unpackBatch(packed: PackedBatch, batch: NormalizedBatch = []): NormalizedBatch {
  const c = packed.cells;
  let at = 0;
  const str = () => c[at++] as string;
  const strOrNull = () => c[at++] as string | null;
  const num = () => c[at++] as number;
  const numOrNull = () => c[at++] as number | null;
  for (let n = 0; n < packed.count; n++) {
    const ok = c[at++] as boolean;
    const index = c[at++] as number | undefined;
    const line = c[at++] as number | undefined;
    const location: ItemLocation = {
      ...(index !== undefined ? { index } : {}),
      ...(line !== undefined ? { line } : {}),
      path: str(),
    };
    if (!ok) {
      const id = c[at++] as string | undefined;
      batch.push({ ok: false, location, message: str(), ...(id !== undefined ? { id } : {}) });
      continue;
    }
    const id = str();
    const versioned = c[at++] as boolean;
    const row = {
      id,
      type: str(),
      spec_version: strOrNull(),
      created: strOrNull(),
      modified: strOrNull(),
      modified_key: strOrNull(),
      revoked: num(),
      confidence: numOrNull(),
      created_by_ref: strOrNull(),
      tlp: num(),
      name: strOrNull(),
      description: strOrNull(),
      aliases: strOrNull(),
      labels: strOrNull(),
      matchable: numOrNull(),
      json: str(),
    };
    const observables = Array.from({ length: num() }, () => ({
      value: str(),
      kind: str(),
      range_lo: strOrNull(),
      range_hi: strOrNull(),
    }));
    const relationships = Array.from({ length: num() }, () => ({
      id: str(),
      source_ref: str(),
      relationship_type: str(),
      target_ref: str(),
    }));
    batch.push({ ok: true, id, row, observables, relationships, versioned, location });
  }
  return batch;
}
