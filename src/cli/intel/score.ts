import type { Command } from 'commander';
import { formatScore, formatTraining } from '../../score/format.ts';
import { recomputeAll, scoreObjects } from '../../score/recompute.ts';
import { loadSettings } from '../../score/settings.ts';
import { resolveTargets } from '../../score/targets.ts';
import { trainScoreModel } from '../../score/train.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';

const collect = (v: string, prev: string[]) => [...prev, v];

/** The decay options every scoring command takes. */
export function withScoreOptions(cmd: Command): Command {
  return cmd
    .option('--threshold <n>', 'scores below it count as decayed (default 30)')
    .option(
      '--lifetime <kind=days[:speed]>',
      'decay lifetime of a kind, e.g. ipv4=30:2 (repeatable)',
      collect,
      [],
    );
}

export interface ScoreFlags {
  threshold?: string;
  lifetime: string[];
}

export const overridesOf = (f: ScoreFlags) => ({
  ...(f.threshold === undefined ? {} : { threshold: f.threshold }),
  lifetimes: f.lifetime,
});

type Flags = ScoreFlags & { json?: boolean };

export function registerScoreCommand(intel: Command): void {
  const score = withScoreOptions(
    intel
      .command('score')
      .description(
        'show and recompute indicator scores (one value or id, or everything), each factor explained',
      )
      .argument('[value-or-id]')
      .option('--json', 'print the result as JSON'),
  ).action(async (input: string | undefined, flags: Flags, cmd: Command) => {
    const result = await withStore(cmd, async (store) => {
      const run = { settings: await loadSettings(store, overridesOf(flags)), now: new Date() };
      if (input === undefined) return recomputeAll(store, LOCAL_OPERATOR, run);
      const { ids } = await resolveTargets(store, LOCAL_OPERATOR, input);
      return scoreObjects(store, LOCAL_OPERATOR, ids, run);
    });
    if (flags.json) printJson(result);
    else if (Array.isArray(result)) printLines(result.flatMap(formatScore));
    else printLines([`scored ${result.scored} objects with model v${result.modelVersion}`]);
  });
  withScoreOptions(
    score
      .command('train')
      .description('fit the score model on analyst verdicts; prints cross-validated AUC and calibration')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: Flags, cmd: Command) => {
    const result = await withStore(cmd, async (store) =>
      trainScoreModel(store, LOCAL_OPERATOR, {
        settings: await loadSettings(store, overridesOf(flags)),
        now: new Date(),
      }),
    );
    if (flags.json) printJson(result);
    else printLines(formatTraining(result));
  });
}
