import type { Kysely } from 'kysely';
import type { DialectName } from './dialect.ts';
import type { IngestWriter } from './ingest-writer.ts';
import type { Database } from './schema.ts';

/** Full-text search over names, descriptions and aliases; returns object ids, best first. */
export type TextSearch = (query: string, opts: { limit: number; maxTlp: number }) => Promise<string[]>;

/** An open store: the typed query builder plus the dialect's hot paths. */
export interface Store {
  readonly dialect: DialectName;
  readonly db: Kysely<Database>;
  readonly ingestWriter: IngestWriter;
  readonly textSearch: TextSearch;
  close(): Promise<void>;
}
