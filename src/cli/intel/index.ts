import type { Command } from 'commander';
import { registerIngestCommand } from './ingest.ts';
import { registerLookupCommand } from './lookup.ts';
import { registerSearchCommand } from './search.ts';
import { registerShowCommand } from './show.ts';
import { registerFeedsCommands } from './feeds.ts';
import { registerStatsCommand } from './stats.ts';

export function registerIntelCommands(program: Command): void {
  const intel = program.command('intel').description('threat intelligence: ingest, look up, search, feeds');
  registerIngestCommand(intel);
  registerLookupCommand(intel);
  registerSearchCommand(intel);
  registerShowCommand(intel);
  registerStatsCommand(intel);
  registerFeedsCommands(intel);
}
