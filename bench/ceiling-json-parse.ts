// Ceiling: read the whole file and JSON.parse it in one call, no other work.
import { readFileSync } from 'node:fs';

const file = process.argv[2]!;
const t = performance.now();
const doc = JSON.parse(readFileSync(file, 'utf8')) as { objects: unknown[] };
const s = (performance.now() - t) / 1000;
process.stdout.write(JSON.stringify({ objects: doc.objects.length, seconds: s }));
