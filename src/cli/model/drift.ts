import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { isoNow } from '../../core/time.ts';
import type { Store } from '../../store/store.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { modelDrift, type DriftReport, type RiskMove } from '../../threatmodel/evidence/index.ts';
import type { ThreatModel } from '../../threatmodel/model/schema.ts';
import { loadStoredModel } from '../../threatmodel/registry/model-registry.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';
import { defaultModelName } from './intel-analysis.ts';
import { loadModel } from './load-model.ts';

/** A model file (named by `--name` or its file name), else a model saved in the store. */
async function resolveModel(
  store: Store,
  arg: string,
  name: string | undefined,
): Promise<{ name: string; model: ThreatModel }> {
  if (existsSync(arg)) return { name: name ?? defaultModelName(arg), model: await loadModel(arg) };
  const stored = await loadStoredModel(store, arg);
  return { name: name ?? arg, model: stored.document };
}

const rating = (r: RiskMove['before']) => (r ? `${r.band} ${r.score} (L${r.likelihood}×I${r.impact})` : '—');

function lines(r: DriftReport): string[] {
  if (!r.baseline)
    return [`${r.model}: no baseline yet; this analysis is saved as one (analysis ${r.savedId})`];
  const head = `${r.model}: ${r.moved.length} risk(s) moved since the analysis of ${r.baseline.created}${
    r.baseline.modelChanged ? ' (the model itself changed too)' : ''
  }`;
  return [
    head,
    ...r.moved.flatMap((m) => [
      `  ${m.change.padEnd(8)} ${m.threatId}: ${rating(m.before)} → ${rating(m.after)}`,
      ...m.added.map((f) => `      + ${f}`),
      ...m.removed.map((f) => `      - ${f}`),
    ]),
  ];
}

/** `model drift <model>`: which risks moved with the intelligence since the last saved analysis, and why. */
export function registerDriftCommand(model: Command): void {
  model
    .command('drift')
    .description(
      're-analyze against the current intelligence and report the risks that moved since the last saved analysis',
    )
    .argument('<model>', 'model file, or the name of a model saved in the store')
    .option('--name <name>', 'name the analyses are saved under (default: the file or model name)')
    .option('--json')
    .action(async (arg: string, f: { name?: string; json?: boolean }, cmd: Command) => {
      const report = await withStore(cmd, async (store) => {
        const m = await resolveModel(store, arg, f.name);
        const { analysis: _, ...r } = await modelDrift(store, LOCAL_OPERATOR, { ...m, now: isoNow() });
        return r;
      });
      if (f.json) return printJson(report);
      printLines(lines(report));
    });
}
