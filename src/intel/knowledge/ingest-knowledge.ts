import { performance } from 'node:perf_hooks';
import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';
import { setKnowledgeMeta } from '../../store/knowledge-meta-repo.ts';
import { applyFactsUpdates } from '../../store/vulnerability-facts-repo.ts';
import { upsertWeaknesses } from '../../store/weaknesses-repo.ts';
import { ingest, type IngestCommon } from '../ingest/ingest.ts';
import { emptyResult, MAX_LISTED_REJECTS, rejectedItem, type IngestResult } from '../ingest/result.ts';
import type { SourceRecord } from '../source.ts';
import type { SourceSettings } from '../sources/index.ts';
import { fetchSettings } from '../sources/open-input.ts';
import { readKnowledge, type KnowledgeFormat, type KnowledgeRecord } from '../sources/vuln/index.ts';
import { vulnerabilityObject } from './vulnerability-object.ts';

/** The result of a knowledge feed: its rows, and the STIX vulnerabilities they made or refreshed. */
export interface KnowledgeIngestResult extends IngestResult {
  objects?: IngestResult['counts'];
}

export interface IngestKnowledgeOptions extends IngestCommon {
  format: KnowledgeFormat;
  location: string;
  settings?: SourceSettings;
  limits?: Limits;
}

const BATCH = 1000;

/**
 * Ingests a KEV, EPSS, CVE or CWE input: each row updates only its feed's columns of
 * `vulnerability_facts` (or a `weaknesses` row), a bad row is rejected with its line or JSON
 * path, and the CVEs the feed describes become STIX vulnerabilities through the ordinary
 * pipeline (with provenance, search and the `cve` observable index).
 */
export async function ingestKnowledge(opts: IngestKnowledgeOptions): Promise<KnowledgeIngestResult> {
  const started = performance.now();
  const records = readKnowledge(opts.format, opts.location, {
    limits: opts.limits ?? DEFAULT_LIMITS,
    ...fetchSettings(opts.settings ?? {}),
  });
  const result: KnowledgeIngestResult = emptyResult(opts.sourceName, opts.format);
  const described = new Map<string, { description?: string; modified: string }>();
  const held: KnowledgeRecord[][] = [];
  let batch: KnowledgeRecord[] = [];
  const flush = async (items: KnowledgeRecord[]) => {
    const vulns = items.flatMap((r) => (r.kind === 'vuln' ? [r] : []));
    const weaknesses = items.flatMap((r) => (r.kind === 'weakness' ? [r.weakness] : []));
    const outcomes = [
      ...(vulns.length > 0
        ? await applyFactsUpdates(
            opts.store,
            vulns.map((v) => v.update),
          )
        : []),
      ...(weaknesses.length > 0 ? await upsertWeaknesses(opts.store, weaknesses) : []),
    ];
    for (const o of outcomes) result.counts[o] += 1;
    for (const r of items) if (r.kind === 'meta') await setKnowledgeMeta(opts.store, r.key, r.value);
    for (const v of vulns) if (v.stix) described.set(v.update.cve, v.stix);
  };
  const take = async (items: KnowledgeRecord[]) => {
    if (opts.strict) held.push(items);
    else await flush(items);
    opts.onProgress?.(result.counts.received);
  };

  for await (const rec of records) {
    if (rec.kind === 'meta') {
      batch.push(rec);
      continue;
    }
    result.counts.received += 1;
    if (rec.kind === 'reject') {
      result.counts.rejected += 1;
      if (result.rejected.length < MAX_LISTED_REJECTS)
        result.rejected.push(rejectedItem(rec.location, rec.message));
      continue;
    }
    batch.push(rec);
    if (batch.length >= BATCH) {
      await take(batch);
      batch = [];
    }
  }
  await take(batch);
  if (opts.strict && result.counts.rejected === 0) for (const items of held) await flush(items);
  if (described.size > 0) {
    const { store, sourceName, reliability, tlp, clock } = opts;
    const objects = await ingest({
      store,
      format: opts.format,
      sourceName,
      ...(reliability ? { reliability } : {}),
      ...(tlp ? { tlp } : {}),
      ...(clock ? { clock } : {}),
      records: vulnerabilityRecords(described),
    });
    result.objects = objects.counts;
  }
  result.seconds = Math.round(performance.now() - started) / 1000;
  return result;
}

/** The STIX vulnerabilities of the described CVEs, as records of the pipeline. */
function vulnerabilityRecords(
  described: Map<string, { description?: string; modified: string }>,
): AsyncIterable<SourceRecord> {
  const records = [...described].map(([cve, stix]): SourceRecord => ({
    kind: 'stix',
    object: vulnerabilityObject(cve, stix),
    location: { path: cve },
  }));
  return {
    [Symbol.asyncIterator]: () => {
      let i = 0;
      return {
        next: () =>
          Promise.resolve(
            i < records.length ? { done: false, value: records[i++]! } : { done: true, value: undefined },
          ),
      };
    },
  };
}
