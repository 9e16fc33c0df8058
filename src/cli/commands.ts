import type { Command } from 'commander';
import { registerDemoCommand } from './demo.ts';
import { registerIntelCommands } from './intel/index.ts';
import { registerModelCommands } from './model/index.ts';
import { registerOrgCommands } from './org.ts';

/** Every sub-command registers itself here, in the order `--help` lists them. */
export function registerCommands(program: Command): void {
  registerDemoCommand(program);
  registerIntelCommands(program);
  registerModelCommands(program);
  registerOrgCommands(program);
}
