import { type Command, Option } from 'commander';
import { analyzeModel } from '../../threatmodel/engine/analyze.ts';
import { applyGate } from '../../threatmodel/engine/gate.ts';
import { BANDS, type Band } from '../../threatmodel/model/schema.ts';
import { loadModel } from './load-model.ts';
import { renderAnalysis } from './render.ts';
import { writeOutput } from './write-output.ts';

interface CheckFlags {
  failOn?: Band;
  format: 'text' | 'json' | 'sarif';
  json?: boolean;
  output?: string;
}

/** `model check <model>`: the CI gate; exit 1 when an open threat fails it, 0 otherwise, 2 for an invalid model. */
export function registerCheckCommand(model: Command): void {
  model
    .command('check')
    .description(
      "fail (exit 1) when an open threat is at or above a band, or above the model's risk appetite",
    )
    .argument('<model>', 'model file (any format `model analyze` reads)')
    .addOption(new Option('--fail-on <band>', 'fail on open threats at or above this band').choices(BANDS))
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'),
    )
    .option('--json', 'same as --format json')
    .option('-o, --output <file>', 'write the report to this file')
    .action(async (file: string, flags: CheckFlags) => {
      const parsed = await loadModel(file);
      const analysis = analyzeModel(parsed);
      const gate = applyGate(analysis, flags.failOn);
      const format = flags.json ? 'json' : flags.format;
      let text: string;
      if (format === 'sarif') text = await renderAnalysis(analysis, { format: 'sarif', model: parsed, file });
      else if (format === 'json') {
        text = JSON.stringify(
          {
            passed: gate.failing.length === 0,
            gate: gate.description,
            failing: gate.failing,
            summary: analysis.summary,
          },
          null,
          2,
        );
      } else {
        const lines = gate.failing.map((t) => `${t.risk.current.band.padEnd(8)} ${t.id}  ${t.title}`);
        text = [
          gate.failing.length === 0
            ? `passed: no ${gate.description}`
            : `failed: ${gate.failing.length} ${gate.description}`,
          ...lines,
        ].join('\n');
      }
      await writeOutput(text, flags.output);
      if (gate.failing.length > 0) process.exitCode = 1;
    });
}
