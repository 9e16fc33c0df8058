import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const MODELS = join(ROOT, 'test', 'fixtures', 'models');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/threatloom.js …` in the repository root, bounded in time so nothing hangs. */
export function runCli(args: string[]): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'threatloom.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
