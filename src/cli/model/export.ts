import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import {
  EXPORT_FORMATS,
  exportModel,
  readModelFile,
  type ExportFormat,
} from '../../threatmodel/formats/index.ts';

/** `model export <model> --to otm|threat-dragon`: writes a model (in any readable format) for another tool. */
export function registerExportCommand(model: Command): void {
  model
    .command('export')
    .description('write a model as Open Threat Model or Threat Dragon v2 JSON')
    .argument('<model>', 'the model file (Threatloom, or any format `model import` reads)')
    .addOption(new Option('--to <format>', 'target format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (file: string, flags: { to: ExportFormat; output?: string }) => {
      const text = exportModel(await readModelFile(file), flags.to);
      if (flags.output === undefined) process.stdout.write(text);
      else await writeFile(flags.output, text);
    });
}
