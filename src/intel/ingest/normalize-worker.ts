// Worker thread: reads a source and normalizes its records while the main thread writes the
// previous batches, so that parsing and storing use both cores.
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '../../core/errors.ts';
import { createSource } from '../sources/index.ts';
import { packItem, type PackedBatch } from './batch-codec.ts';
import { normalize } from './normalize.ts';
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
  // Each item is packed as soon as it is normalized: its objects die young, and only the
  // packed cells live until the batch is posted (held items would outlive collections of the
  // young generation and fill the old one).
  let batch: PackedBatch = { count: 0, cells: [] };
  const send = async () => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    post({ kind: 'batch', batch });
    batch = { count: 0, cells: [] };
  };
  for await (const rec of records) {
    packItem(batch.cells, normalize(rec, job.context));
    if (++batch.count >= job.batchSize) await send();
  }
  if (batch.count > 0) await send();
  post({ kind: 'done', ...(source.state ? { state: source.state() } : {}) });
} catch (e) {
  const err = toAppError(e);
  post({ kind: 'error', code: err.code, message: err.message, location: err.location });
}
port.close();
