// One stage alone: read and normalize the bundle in one thread, writing nothing. This is the
// work the ingest worker does; the writing thread runs beside it.
import { DEFAULT_LIMITS } from '../src/core/limits.ts';
import { normalizeRecords } from '../src/intel/ingest/normalize-batches.ts';
import { createStixSource } from '../src/intel/sources/stix.ts';

const file = process.argv[2]!;
const t = performance.now();
let objects = 0;
const records = createStixSource().read({ location: file, limits: DEFAULT_LIMITS });
for await (const batch of normalizeRecords(records, { now: new Date().toISOString() }, 5000))
  objects += batch.length;
process.stdout.write(JSON.stringify({ objects, seconds: (performance.now() - t) / 1000 }));
