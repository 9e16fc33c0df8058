import { Command } from 'commander';
import { registerImportCommand } from './src/cli/model/import.ts';
import { registerExportCommand } from './src/cli/model/export.ts';
const p = new Command('threatloom'); const m = p.command('model'); registerImportCommand(m); registerExportCommand(m);
await p.parseAsync(process.argv);
