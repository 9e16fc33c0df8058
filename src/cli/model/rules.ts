import type { Command } from 'commander';
import type { Rule } from '../../threatmodel/model/rule-schema.ts';
import { BUILT_IN_RULES } from '../../threatmodel/rules/library.ts';
import { printJson, printLines } from '../output.ts';
import { loadModel } from './load-model.ts';

/** `model rules`: the threat library, plus a model's own rules with `--model`. */
export function registerRulesCommand(model: Command): void {
  model
    .command('rules')
    .description('list the threat rules (id, title, STRIDE, CWE, CAPEC, ATT&CK)')
    .option('--json', 'machine-readable output')
    .option('--model <file>', 'include the rules defined in this model')
    .action(async (flags: { json?: boolean; model?: string }) => {
      const own = flags.model ? (await loadModel(flags.model)).rules : [];
      const ownIds = new Set(own.map((r) => r.id));
      const rules = [
        ...BUILT_IN_RULES.filter((r) => !ownIds.has(r.id)).map((r) => listed(r, 'library')),
        ...own.map((r) => listed(r, 'model')),
      ];
      if (flags.json) return printJson(rules);
      printLines(
        rules.map(
          (r) => `${r.id.padEnd(40)} ${r.stride.padEnd(23)} ${[...r.cwe, ...r.capec, ...r.attack].join(' ')}`,
        ),
      );
    });
}

function listed(r: Rule, origin: 'library' | 'model') {
  return {
    id: r.id,
    title: r.title,
    stride: r.stride,
    appliesTo: r.appliesTo,
    cwe: r.cwe,
    capec: r.capec,
    attack: r.attack,
    likelihood: r.likelihood,
    impact: r.impact,
    family: r.family ?? null,
    origin,
  };
}
