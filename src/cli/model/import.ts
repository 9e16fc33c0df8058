import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { stringify } from 'yaml';
import { MODEL_FORMATS, readModelFile, type ModelFormat } from '../../threatmodel/formats/index.ts';
import { printJson } from '../output.ts';

interface ImportFlags {
  from?: ModelFormat;
  output?: string;
  json?: boolean;
}

/** `model import <file>`: converts another tool's model into a Threatloom model (YAML, or JSON with --json). */
export function registerImportCommand(model: Command): void {
  model
    .command('import')
    .description('convert an OTM, Threat Dragon, Threagile or MS TMT (.tm7) model into a Threatloom model')
    .argument('<file>', 'the model to convert')
    .addOption(
      new Option('--from <format>', 'format of the file (detected from its content if omitted)').choices(
        MODEL_FORMATS.filter((f) => f !== 'threatloom'),
      ),
    )
    .option('-o, --output <file>', 'write the model to this file instead of standard output')
    .option('--json', 'write JSON instead of YAML')
    .action(async (file: string, flags: ImportFlags) => {
      const imported = await readModelFile(file, { from: flags.from });
      if (flags.output === undefined && flags.json) return printJson(imported);
      const text = flags.json
        ? `${JSON.stringify(imported, null, 2)}\n`
        : stringify(imported, { lineWidth: 0 });
      if (flags.output === undefined) process.stdout.write(text);
      else await writeFile(flags.output, text);
    });
}
