import { type Command, Option } from 'commander';
import { analyzeModel } from '../../threatmodel/engine/analyze.ts';
import { loadModel } from './load-model.ts';
import { ANALYZE_FORMATS, type AnalyzeFormat, renderAnalysis } from './render.ts';
import { writeOutput } from './write-output.ts';

/** `model analyze <model>`: threats, risks and the register, as a table, JSON, Markdown, SARIF or HTML. */
export function registerAnalyzeCommand(model: Command): void {
  model
    .command('analyze')
    .description('identify threats and rate their risks')
    .argument('<model>', 'model file (Threatloom YAML/JSON, OTM, Threat Dragon, Threagile or .tm7)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(ANALYZE_FORMATS).default('table'))
    .option('--json', 'same as --format json')
    .option('-o, --output <file>', 'write the report to this file')
    .action(async (file: string, flags: { format: AnalyzeFormat; json?: boolean; output?: string }) => {
      const parsed = await loadModel(file);
      const analysis = analyzeModel(parsed);
      const format = flags.json ? 'json' : flags.format;
      await writeOutput(await renderAnalysis(analysis, { format, model: parsed, file }), flags.output);
    });
}
