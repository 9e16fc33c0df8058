import type { Command } from 'commander';
import { registerAnalyzeCommand } from './analyze.ts';
import { registerCheckCommand } from './check.ts';
import { registerDiffCommand } from './diff.ts';
import { registerDriftCommand } from './drift.ts';
import { registerExportCommand } from './export.ts';
import { registerImportCommand } from './import.ts';
import { registerNavigatorCommand } from './navigator.ts';
import { registerRegistryCommands } from './registry.ts';
import { registerRulesCommand } from './rules.ts';
import { registerSchemaCommand } from './schema.ts';

/** `threatloom model …`: threat modeling commands. */
export function registerModelCommands(program: Command): void {
  const model = program
    .command('model')
    .description('threat models: analyze, check, diff, rules, schema, import, export');
  registerAnalyzeCommand(model);
  registerCheckCommand(model);
  registerDiffCommand(model);
  registerRulesCommand(model);
  registerSchemaCommand(model);
  registerImportCommand(model);
  registerExportCommand(model);
  registerRegistryCommands(model);
  registerDriftCommand(model);
  registerNavigatorCommand(model);
}
