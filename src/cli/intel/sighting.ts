import type { Command } from 'commander';
import { recordSighting } from '../../score/sighting.ts';
import { loadSettings } from '../../score/settings.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';
import { overridesOf, withScoreOptions, type ScoreFlags } from './score.ts';

export function registerSightingCommand(intel: Command): void {
  const sighting = intel
    .command('sighting')
    .description('sightings of indicators (they raise scores and restart decay)');
  withScoreOptions(
    sighting
      .command('add')
      .description('record a sighting of a known value and rescore it')
      .argument('<value>')
      .option('--count <n>', 'times seen', '1')
      .option('--where <text>', 'where it was seen (sensor, system, log)')
      .option('--seen <iso>', 'when it was seen (default: now)')
      .option('--json', 'print the new scores as JSON'),
  ).action(
    async (
      value: string,
      flags: ScoreFlags & { count: string; where?: string; seen?: string; json?: boolean },
      cmd: Command,
    ) => {
      const results = await withStore(cmd, async (store) =>
        recordSighting(store, LOCAL_OPERATOR, {
          input: value,
          count: Number(flags.count),
          ...(flags.where === undefined ? {} : { where: flags.where }),
          ...(flags.seen === undefined ? {} : { seen: flags.seen }),
          settings: await loadSettings(store, overridesOf(flags)),
          now: new Date(),
        }),
      );
      if (flags.json) printJson(results);
      else
        printLines(results.map((r) => `${r.objectId}: score ${r.score} (decay restarts from ${r.decay.t0})`));
    },
  );
}
