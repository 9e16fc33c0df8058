import type { Tlp } from '../../stix/markings.ts';
import type { SourceRecord } from '../source.ts';
import { normalize, type NormalizedItem, type NormalizedReject } from './normalize.ts';

export type NormalizedBatch = (NormalizedItem | NormalizedReject)[];

export interface NormalizeContext {
  now: string;
  tlp?: Tlp;
}

/** Stage one of ingestion: records validated and turned into rows, a batch at a time. */
export async function* normalizeRecords(
  records: AsyncIterable<SourceRecord>,
  ctx: NormalizeContext,
  batchSize: number,
): AsyncGenerator<NormalizedBatch> {
  let batch: NormalizedBatch = [];
  for await (const rec of records) {
    batch.push(normalize(rec, ctx));
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
