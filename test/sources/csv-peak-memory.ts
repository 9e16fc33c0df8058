// Run as a child process by csv-source.test.ts: reads a CSV file to the end and prints how far
// this process's peak resident memory rose above where it stood before reading.
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { createCsvSource } from '../../src/intel/sources/csv.ts';

const before = process.memoryUsage().rss;
let records = 0;
for await (const _ of createCsvSource().read({ location: process.argv[2]!, limits: DEFAULT_LIMITS }))
  records++;
const peakGrowthMb = (process.resourceUsage().maxRSS * 1024 - before) / 2 ** 20;
process.stdout.write(JSON.stringify({ records, peakGrowthMb }));
