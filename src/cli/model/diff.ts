import type { Command } from 'commander';
import { diffModels, renderDiffText } from '../../threatmodel/diff/diff-models.ts';
import { analyzeModel } from '../../threatmodel/engine/analyze.ts';
import { printJson } from '../output.ts';
import { loadModel } from './load-model.ts';

/** `model diff <old> <new>`: elements, threats and risks that changed between two versions. */
export function registerDiffCommand(model: Command): void {
  model
    .command('diff')
    .description('compare two versions of a model: elements, threats and risks')
    .argument('<old>', 'the earlier model file')
    .argument('<new>', 'the later model file')
    .option('--json', 'machine-readable output')
    .action(async (oldFile: string, newFile: string, flags: { json?: boolean }) => {
      const [before, after] = await Promise.all([loadModel(oldFile), loadModel(newFile)]);
      const diff = diffModels(
        { model: before, analysis: analyzeModel(before) },
        { model: after, analysis: analyzeModel(after) },
      );
      if (flags.json) printJson(diff);
      else process.stdout.write(`${renderDiffText(diff)}\n`);
    });
}
