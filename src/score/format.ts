import type { TrainResult } from './train.ts';
import type { ScoreResult } from './score.ts';

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** The human form of a score: the number, then each factor with its share and why. */
export function formatScore(r: ScoreResult): string[] {
  const model = r.modelVersion === 0 ? 'default prior' : `model v${r.modelVersion}`;
  const lines = [`${r.objectId}: score ${r.score} (base ${Math.round(r.base)}, ${model})`];
  for (const f of [...r.factors].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))) {
    if (f.contribution === 0) continue;
    const sign = f.contribution > 0 ? '+' : '−';
    lines.push(`  ${sign} ${f.name} ${pct(Math.abs(f.share))}: ${f.detail}`);
  }
  if (r.cap) lines.push(`  ${r.cap}`);
  const d = r.decay;
  lines.push(
    `  decay: ${d.ageDays} of ${d.lifetimeDays} days since ${d.t0} (speed ${d.speed}) × ${d.multiplier}` +
      (r.decaysAt ? `; decayed from ${r.decaysAt}` : ''),
  );
  return lines;
}

export function formatTraining(r: TrainResult): string[] {
  return [
    `model v${r.version} trained on ${r.verdicts.tp} tp and ${r.verdicts.fp} fp verdicts`,
    `cross-validated AUC ${r.auc.toFixed(3)}`,
    'calibration (predicted → observed):',
    ...r.calibration.map(
      (b) =>
        `  ${b.range[0].toFixed(1)}–${b.range[1].toFixed(1)}: ${b.count} verdicts, predicted ${pct(b.meanPredicted)}, observed ${pct(b.observedRate)}`,
    ),
    `weights: ${Object.entries(r.weights)
      .map(([f, w]) => `${f} ${w.toFixed(2)}`)
      .join(', ')}`,
    `rescored ${r.rescored} objects`,
  ];
}
