import type { ObjectsTable, ObservableRow, RelationshipsTable } from './schema.ts';

export type ObjectRow = ObjectsTable;

/** What the store knows of an object's current version, to decide created/updated/unchanged. */
export interface CurrentVersion {
  /** The object's integer key (`objects.key`), which its observables and provenance refer to. */
  key: number;
  modifiedKey: string | null;
  revoked: boolean;
}

export interface ProvenanceWrite {
  objectId: string;
  /** The object's key; null when the batch creates the object (the writer gives it its key). */
  objectKey: number | null;
  sourceId: number;
  seen: string;
  /** Counts one more sighting by the source: true for created and updated objects only. */
  bump: boolean;
  reliability: string | null;
  tlp: string | null;
}

/** An object's row with the observables and relationships that come with it. */
export interface ObjectWrite {
  row: ObjectRow;
  observables: ObservableRow[];
  relationships: RelationshipsTable[];
}

/**
 * One batch of ingest writes. Everything in it lands or nothing does, so a process killed
 * mid-ingest leaves whole batches only, and re-running completes the job.
 */
export interface IngestBatch {
  created: ObjectWrite[];
  /** The current version moves to object_versions, then the row is replaced; the key stays. */
  replaced: (ObjectWrite & { key: number })[];
  /** Versions older than the current one: kept in object_versions if not there yet. */
  older: { id: string; modified_key: string; json: string }[];
  provenance: ProvenanceWrite[];
}

/** Objects a batch planned as created that another writer had created meanwhile: their real outcome. */
export type CreatedElsewhere = ReadonlyMap<string, 'updated' | 'unchanged'>;

/** The dialect-specific hot path of ingestion: prepared statements, one transaction a batch. */
export interface IngestWriter {
  /**
   * How many batches the writer can write at once, each in a transaction on a connection of
   * its own; 1 when absent. Ingest only overlaps batches that share no object.
   */
  readonly parallel?: number;
  /**
   * Takes the store's write lock for the ingest's next commit group, waiting for other writers
   * as long as an ingest may take. Writers that lock rows as they write them have none.
   */
  lock?(): Promise<void>;
  currentVersions(ids: string[]): Promise<Map<string, CurrentVersion>>;
  /**
   * Writes a batch atomically: all of it or, if it throws, none of it (a writer that groups
   * batches into one transaction rolls back the uncommitted group with it). Objects planned
   * as created that another writer created after `currentVersions` read them are merged as
   * if planned after that write; the writer says what became of them.
   */
  writeBatch(batch: IngestBatch): Promise<CreatedElsewhere | void>;
  /**
   * Commits batches a writer has grouped into one longer transaction; ingest calls it when it
   * ends, whatever the outcome. Writers that commit each batch have none.
   */
  flush?(): Promise<void>;
}
