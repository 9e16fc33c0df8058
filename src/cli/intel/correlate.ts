import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { correlate } from '../../correlate/correlate.ts';
import { formatCorrelation } from '../../correlate/format.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';

function depthOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 8)
    throw new AppError('USAGE', `--depth must be 1–8, not ${JSON.stringify(v)}`);
  return n;
}

export function registerCorrelateCommand(intel: Command): void {
  intel
    .command('correlate')
    .description(
      'correlation chains from a value, STIX id, CVE, ATT&CK id (T1566, G0007) or group name/alias, each hop with its evidence',
    )
    .argument('<subject>')
    .option('--depth <n>', 'steps walked along each chain (1–8)')
    .option('--json', 'print the result as JSON')
    .action(async (subject: string, flags: { depth?: string; json?: boolean }, cmd: Command) => {
      const depth = depthOf(flags.depth);
      const result = await withStore(cmd, (store) =>
        correlate(store, LOCAL_OPERATOR, subject, depth === undefined ? {} : { depth }),
      );
      if (flags.json) printJson(result);
      else printLines(formatCorrelation(result));
    });
}
