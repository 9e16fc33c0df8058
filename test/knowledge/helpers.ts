import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeIngestResult } from '../../src/intel/knowledge/index.ts';
import { ingestLocation } from '../../src/intel/ingest/ingest.ts';
import type { IngestFormat } from '../../src/intel/source.ts';
import type { Store } from '../../src/store/store.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'knowledge');

/** Ingests a file the way `intel ingest --format <format>` does. */
export async function ingestFile(
  store: Store,
  location: string,
  format: IngestFormat,
): Promise<KnowledgeIngestResult> {
  const { result } = await ingestLocation({ store, location, format, sourceName: `test-${format}` });
  return result;
}

/** Writes a temporary file and returns its path. */
export function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'threatloom-knowledge-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
