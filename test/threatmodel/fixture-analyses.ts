import { join } from 'node:path';
import type { Analysis } from '../../src/threatmodel/engine/analysis.ts';
import { analyzeModel } from '../../src/threatmodel/engine/analyze.ts';
import { readModelFile } from '../../src/threatmodel/formats/index.ts';
import { MODELS, ROOT } from './run-cli.ts';

export const DEMO = join(ROOT, 'demo', 'model.yaml');
export const WEBSHOP = join(MODELS, 'webshop.yaml');

/** Realistic models kept in the repository: together they make every built-in rule fire. */
export const FIXTURES = [
  DEMO,
  WEBSHOP,
  join(MODELS, 'ticket-marketplace.yaml'),
  join(MODELS, 'saas-platform.yaml'),
];

const AS_OF = new Date('2030-01-01');

export async function analyzeFile(file: string): Promise<Analysis> {
  return analyzeModel(await readModelFile(file), { asOf: AS_OF });
}

/** Inherent bands of the threats the engine found, as shares of all of them. */
export function bandShares(analysis: Analysis): Record<string, number> {
  const engine = analysis.threats.filter((t) => t.source === 'engine');
  const shares: Record<string, number> = {};
  for (const t of engine)
    shares[t.risk.inherent.band] = (shares[t.risk.inherent.band] ?? 0) + 1 / engine.length;
  return shares;
}
