import type { Command } from 'commander';
import { registerNamed, type CommandTable } from '../commands.ts';

const registry = async () => (await import('./registry.ts')).registerRegistryCommands;

/** The `model` commands, in the order `--help` lists them. */
const COMMANDS: CommandTable = {
  analyze: async () => (await import('./analyze.ts')).registerAnalyzeCommand,
  check: async () => (await import('./check.ts')).registerCheckCommand,
  diff: async () => (await import('./diff.ts')).registerDiffCommand,
  rules: async () => (await import('./rules.ts')).registerRulesCommand,
  schema: async () => (await import('./schema.ts')).registerSchemaCommand,
  import: async () => (await import('./import.ts')).registerImportCommand,
  export: async () => (await import('./export.ts')).registerExportCommand,
  save: registry,
  list: registry,
  history: registry,
  show: registry,
  review: registry,
  approve: registry,
  'request-changes': registry,
  comment: registry,
  drift: async () => (await import('./drift.ts')).registerDriftCommand,
  navigator: async () => (await import('./navigator.ts')).registerNavigatorCommand,
};

/** `threatloom model …`: threat modeling commands. */
export async function registerModelCommands(program: Command, words: readonly string[]): Promise<void> {
  const model = program
    .command('model')
    .description('threat models: analyze, check, diff, rules, schema, import, export');
  await registerNamed(model, words, COMMANDS);
}
