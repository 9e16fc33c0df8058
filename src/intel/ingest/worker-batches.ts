import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/errors.ts';
import { unpackBatch } from './batch-codec.ts';
import type { NormalizedBatch } from './normalize-batches.ts';
import type { WorkerJob, WorkerMessage } from './worker-protocol.ts';

/** The worker loads TypeScript sources through tsx, as the main thread does (bin/threatloom.js). */
const BOOTSTRAP = `(async () => {
  const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});
  register();
  await import(${JSON.stringify(new URL('./normalize-worker.ts', import.meta.url).href)});
})()`;

export interface WorkerBatches {
  batches: AsyncGenerator<NormalizedBatch>;
  /** The source's state for its next run (MISP feeds), known once the batches are consumed. */
  state(): Record<string, number> | undefined;
  /** Stops the worker, also when its batches were never consumed (the ingest failed first). */
  close(): Promise<void>;
}

/**
 * Runs stage one of ingestion (read + normalize) in a worker thread and yields its batches;
 * each consumed batch gives the worker credit for one more, so memory stays bounded. The
 * caller stops the worker with `close` when it is done, whether it consumed the batches or not.
 */
export function normalizeInWorker(job: WorkerJob): WorkerBatches {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: job,
    // A bounded old generation makes the worker collect its garbage early instead of growing:
    // it holds one part of a batch and the object being parsed (at most
    // limits.maxObjectBytes of JSON). The young generation is V8's default for a main thread
    // (three semi-spaces of 16 MB): with a third of it, the objects of one 64 KB chunk of
    // input, parsed together, outlived its collections and were copied into the old
    // generation (300,000 objects: 153 to 438 MB promoted in the worker instead of 16 MB).
    resourceLimits: {
      maxOldGenerationSizeMb: Math.max(128, Math.ceil((8 * job.limits.maxObjectBytes) / 2 ** 20)),
      maxYoungGenerationSizeMb: 48,
    },
  });
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | undefined;
  let failure: Error | undefined;
  let state: Record<string, number> | undefined;
  let exited = false;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    notify?.();
  });
  worker.on('error', (e) => {
    failure = e;
    notify?.();
  });
  worker.on('exit', () => {
    exited = true;
    notify?.();
  });

  async function* batches(): AsyncGenerator<NormalizedBatch> {
    let batch: NormalizedBatch = [];
    for (;;) {
      while (queue.length === 0 && !failure && !exited)
        await new Promise<void>((resolve) => (notify = resolve));
      if (failure) throw failure;
      if (queue.length === 0) throw new AppError('INTERNAL', 'the ingest worker stopped before it finished');
      const m = queue.shift()!;
      if (m.kind === 'error') throw new AppError(m.code, m.message, m.location);
      if (m.kind === 'done') {
        state = m.state;
        return;
      }
      unpackBatch(m.part, batch);
      if (!m.last) continue;
      yield batch;
      batch = [];
      worker.postMessage('more');
    }
  }
  return {
    batches: batches(),
    state: () => state,
    close: async () => {
      await worker.terminate();
    },
  };
}
