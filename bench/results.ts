import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(import.meta.dirname, 'RESULTS.md');

/** Replaces the section of one benchmark in bench/RESULTS.md with its latest figures. */
export function recordResults(name: string, lines: string[]): void {
  const text = existsSync(FILE)
    ? readFileSync(FILE, 'utf8')
    : '# Benchmark results\n\nLatest figures of each `npm run bench:*`, written by the benchmark itself.\n';
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = `${start}\n## ${name} (${new Date().toISOString().slice(0, 10)})\n\n${lines.join('\n')}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(FILE, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
}
