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
    // A bounded heap makes the worker collect its garbage early instead of growing: it holds
    // one batch and the object being parsed (at most limits.maxObjectBytes of JSON).
    resourceLimits: {
      maxOldGenerationSizeMb: Math.max(128, Math.ceil((8 * job.limits.maxObjectBytes) / 2 ** 20)),
      maxYoungGenerationSizeMb: 16,
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
      yield unpackBatch(m.batch);
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
