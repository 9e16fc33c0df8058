import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * The command groups, in the order `--help` lists them. Each is imported only when the
 * command line names it (or for the full help): loading every group's code costs seconds
 * at start-up, and a CI step running `model check` should not pay for the intelligence stack.
 */
const GROUPS: Record<string, () => Promise<Register>> = {
  demo: async () => (await import('./demo.ts')).registerDemoCommand,
  intel: async () => (await import('./intel/index.ts')).registerIntelCommands,
  model: async () => (await import('./model/index.ts')).registerModelCommands,
  org: async () => (await import('./org.ts')).registerOrgCommands,
};

export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const named = argv.slice(2).find((arg) => Object.hasOwn(GROUPS, arg));
  for (const name of named ? [named] : Object.keys(GROUPS)) (await GROUPS[name]!())(program);
}
