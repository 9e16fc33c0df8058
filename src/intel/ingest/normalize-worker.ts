// Worker thread: reads a source and normalizes its records while the main thread writes the
// previous batches, so that parsing and storing use both cores.
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '../../core/errors.ts';
import { createSource } from '../sources/index.ts';
import { packBatch } from './batch-codec.ts';
import { normalizeRecords } from './normalize-batches.ts';
import type { WorkerJob, WorkerMessage } from './worker-protocol.ts';

const job = workerData as WorkerJob;
const port = parentPort!;
let credits = job.maxInFlight;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits += 1;
  wake?.();
});

const post = (m: WorkerMessage) => port.postMessage(m);

try {
  const source = createSource(job.format, job.settings);
  const records = source.read({ location: job.location, limits: job.limits });
  for await (const batch of normalizeRecords(records, job.context, job.batchSize)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    post({ kind: 'batch', batch: packBatch(batch) });
  }
  post({ kind: 'done', ...(source.state ? { state: source.state() } : {}) });
} catch (e) {
  const err = toAppError(e);
  post({ kind: 'error', code: err.code, message: err.message, location: err.location });
}
port.close();
