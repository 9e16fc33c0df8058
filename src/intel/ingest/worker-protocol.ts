import type { ErrorCode, ErrorLocation } from '../../core/errors.ts';
import type { Limits } from '../../core/limits.ts';
import type { IngestFormat } from '../source.ts';
import type { SourceSettings } from '../sources/index.ts';
import type { PackedBatch } from './batch-codec.ts';
import type { NormalizeContext } from './normalize-batches.ts';

/** What the normalize worker is asked to read (everything in it survives structured cloning). */
export interface WorkerJob {
  format: IngestFormat;
  settings: SourceSettings;
  location: string;
  limits: Limits;
  context: NormalizeContext;
  batchSize: number;
  /** Batches the worker may have sent and not yet seen consumed: bounds memory. */
  maxInFlight: number;
}

export type WorkerMessage =
  /** Part of a batch; `last` ends the batch. */
  | { kind: 'part'; part: PackedBatch; last: boolean }
  | { kind: 'done'; state?: Record<string, number> }
  | { kind: 'error'; code: ErrorCode; message: string; location: ErrorLocation };
