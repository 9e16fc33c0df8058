import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';
import { loadSettings } from '../../score/settings.ts';
import { recordVerdict } from '../../score/verdict.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';

export function registerVerdictCommand(intel: Command): void {
  intel
    .command('verdict')
    .description(
      "record an analyst's verdict on a value or STIX id: tp (true positive) or fp (false positive)",
    )
    .argument('<value-or-id>')
    .argument('<verdict>', 'tp or fp')
    .option('--note <text>', 'why')
    .option('--json', 'print the result as JSON')
    .action(
      async (input: string, verdict: string, flags: { note?: string; json?: boolean }, cmd: Command) => {
        if (verdict !== 'tp' && verdict !== 'fp')
          throw new AppError('USAGE', `the verdict is tp or fp, not ${JSON.stringify(verdict)}`);
        const result = await withStore(cmd, async (store) =>
          recordVerdict(store, LOCAL_OPERATOR, {
            input,
            verdict,
            ...(flags.note === undefined ? {} : { note: flags.note }),
            settings: await loadSettings(store),
            now: new Date(),
          }),
        );
        if (flags.json) printJson({ verdict, ...result });
        else printLines(result.objectIds.map((id) => `${id}: ${verdict}`));
      },
    );
}
