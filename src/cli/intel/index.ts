import type { Command } from 'commander';
import { registerIngestCommand } from './ingest.ts';
import { registerLookupCommand } from './lookup.ts';
import { registerSearchCommand } from './search.ts';
import { registerShowCommand } from './show.ts';
import { registerFeedsCommands } from './feeds.ts';
import { registerStatsCommand } from './stats.ts';
import { registerWarninglistsCommands } from './warninglists.ts';
import { registerEnrichCommand } from './enrich.ts';
import { registerCorrelateCommand } from './correlate.ts';
import { registerSightingCommand } from './sighting.ts';
import { registerVerdictCommand } from './verdict.ts';
import { registerScoreCommand } from './score.ts';

export function registerIntelCommands(program: Command): void {
  const intel = program.command('intel').description('threat intelligence: ingest, look up, search, feeds');
  registerIngestCommand(intel);
  registerLookupCommand(intel);
  registerSearchCommand(intel);
  registerShowCommand(intel);
  registerStatsCommand(intel);
  registerWarninglistsCommands(intel);
  registerEnrichCommand(intel);
  registerFeedsCommands(intel);
  registerCorrelateCommand(intel);
  registerSightingCommand(intel);
  registerVerdictCommand(intel);
  registerScoreCommand(intel);
}
