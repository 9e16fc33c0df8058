import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export interface Measured {
  seconds: number;
  peakRssMb: number;
  stdout: string;
}

/** Runs a command under GNU time and returns its wall time and peak resident memory. */
export function measure(cmd: string, args: string[], env: Record<string, string> = {}): Measured {
  const res = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1024 * 1024 * 1024,
  });
  const lastLine = res.stderr.trim().split('\n').at(-1) ?? '';
  const [secs, kb] = lastLine.split(' ').map(Number);
  if (res.status !== 0 && res.status !== 1) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}): ${res.stderr.slice(-2000)}`);
  }
  return { seconds: secs ?? NaN, peakRssMb: Math.round((kb ?? NaN) / 1024), stdout: res.stdout };
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export const rate = (n: number, s: number): string => Math.round(n / s).toLocaleString('en-US');
