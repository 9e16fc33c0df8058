import { type Command, Option } from 'commander';
import { modelNavigatorLayer } from '../../threatmodel/report/navigator.ts';
import { defaultModelName, runAnalysis } from './intel-analysis.ts';
import { loadModel } from './load-model.ts';
import { ANALYZE_FORMATS, type AnalyzeFormat, renderAnalysis } from './render.ts';
import { writeOutput } from './write-output.ts';

type Format = AnalyzeFormat | 'navigator';

/** `model analyze <model>`: threats, risks and the register, as a table, JSON, Markdown, SARIF, HTML or a Navigator layer. */
export function registerAnalyzeCommand(model: Command): void {
  model
    .command('analyze')
    .description(
      'identify threats and rate their risks (with the store’s intelligence when there is a store)',
    )
    .argument('<model>', 'model file (Threatloom YAML/JSON, OTM, Threat Dragon, Threagile or .tm7)')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices([...ANALYZE_FORMATS, 'navigator'])
        .default('table'),
    )
    .option('--json', 'same as --format json')
    .option('-o, --output <file>', 'write the report to this file')
    .option('--no-intel', 'ignore the intelligence in the store: plain ratings')
    .option(
      '--save [name]',
      'save the analysis in the store as the drift baseline (default name: the file name)',
    )
    .action(
      async (
        file: string,
        flags: { format: Format; json?: boolean; output?: string; intel: boolean; save?: string | true },
        cmd: Command,
      ) => {
        const parsed = await loadModel(file);
        const save = flags.save === true ? defaultModelName(file) : flags.save;
        const run = await runAnalysis(cmd, parsed, { intel: flags.intel, ...(save ? { save } : {}) });
        const format = flags.json ? 'json' : flags.format;
        const text =
          format === 'navigator'
            ? JSON.stringify(modelNavigatorLayer(run.analysis, run.layer), null, 2)
            : await renderAnalysis(run.analysis, { format, model: parsed, file });
        await writeOutput(text, flags.output);
      },
    );
}
