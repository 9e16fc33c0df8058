import type { Command } from 'commander';

/** Adds commands under `parent`; `words` are the command-line words after the parent's name. */
export type Register = (parent: Command, words: readonly string[]) => void | Promise<void>;

/** Loaders of command registrations by the name a command line uses (one loader may serve several). */
export type CommandTable = Record<string, () => Promise<Register>>;

/**
 * Registers under `parent` only the command that `words` name, or every command of the table
 * (for help, or a name that is none of them, which commander then reports). Each command's code
 * is imported only when registered: loading every command's code costs a second at start-up,
 * and a CI step running `model check` should not pay for the intelligence stack.
 */
export async function registerNamed(parent: Command, words: readonly string[], table: CommandTable) {
  const at = words.findIndex((w) => Object.hasOwn(table, w));
  const loaders = at >= 0 ? [table[words[at]!]!] : [...new Set(Object.values(table))];
  const rest = at >= 0 ? words.slice(at + 1) : [];
  for (const load of loaders) await (await load())(parent, rest);
}

/** The command groups, in the order `--help` lists them. */
const GROUPS: CommandTable = {
  demo: async () => (await import('./demo.ts')).registerDemoCommand,
  intel: async () => (await import('./intel/index.ts')).registerIntelCommands,
  model: async () => (await import('./model/index.ts')).registerModelCommands,
  org: async () => (await import('./org.ts')).registerOrgCommands,
};

export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  await registerNamed(program, argv.slice(2), GROUPS);
}
