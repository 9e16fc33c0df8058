import type { Command } from 'commander';
import { registerNamed, type CommandTable } from '../commands.ts';

/** The `intel` commands, in the order `--help` lists them. */
const COMMANDS: CommandTable = {
  ingest: async () => (await import('./ingest.ts')).registerIngestCommand,
  lookup: async () => (await import('./lookup.ts')).registerLookupCommand,
  search: async () => (await import('./search.ts')).registerSearchCommand,
  show: async () => (await import('./show.ts')).registerShowCommand,
  stats: async () => (await import('./stats.ts')).registerStatsCommand,
  warninglists: async () => (await import('./warninglists.ts')).registerWarninglistsCommands,
  enrich: async () => (await import('./enrich.ts')).registerEnrichCommand,
  feeds: async () => (await import('./feeds.ts')).registerFeedsCommands,
  correlate: async () => (await import('./correlate.ts')).registerCorrelateCommand,
  sighting: async () => (await import('./sighting.ts')).registerSightingCommand,
  verdict: async () => (await import('./verdict.ts')).registerVerdictCommand,
  score: async () => (await import('./score.ts')).registerScoreCommand,
};

export async function registerIntelCommands(program: Command, words: readonly string[]): Promise<void> {
  const intel = program.command('intel').description('threat intelligence: ingest, look up, search, feeds');
  await registerNamed(intel, words, COMMANDS);
}
