import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { isoNow } from '../../core/time.ts';
import { dialectOf, resolveDbUrl } from '../../store/dialect.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import type { Analysis } from '../../threatmodel/engine/analysis.ts';
import { analyzeModel } from '../../threatmodel/engine/analyze.ts';
import { analyzeWithIntel, attackVersion, saveModelAnalysis } from '../../threatmodel/evidence/index.ts';
import type { ThreatModel } from '../../threatmodel/model/schema.ts';
import type { LayerOptions } from '../../threatmodel/report/navigator.ts';
import { withStore } from '../with-store.ts';

export interface AnalysisRun {
  analysis: Analysis;
  /** What a Navigator layer of this analysis needs from the store. */
  layer: LayerOptions & { resolve?: (id: string) => string };
}

/** A store to read intelligence from exists: PostgreSQL, or a SQLite file already there (never created by analysis). */
function storePresent(cmd: Command): boolean {
  const url = resolveDbUrl(cmd.optsWithGlobals<{ db?: string }>().db);
  return dialectOf(url) === 'postgres' || existsSync(url);
}

export const defaultModelName = (file: string) => basename(file, extname(file));

/**
 * Analyzes a model with the store's intelligence when there is a store and `intel` is on,
 * else plainly; `save` keeps the analysis as a drift baseline under that name.
 */
export async function runAnalysis(
  cmd: Command,
  model: ThreatModel,
  o: { intel: boolean; save?: string },
): Promise<AnalysisRun> {
  if (o.save === undefined && !(o.intel && storePresent(cmd)))
    return { analysis: analyzeModel(model), layer: {} };
  return withStore(cmd, async (store) => {
    const result = o.intel ? await analyzeWithIntel(store, LOCAL_OPERATOR, model) : undefined;
    const analysis = result?.analysis ?? analyzeModel(model);
    if (o.save !== undefined)
      await saveModelAnalysis(store, { name: o.save, model, analysis, now: isoNow() });
    const version = await attackVersion(store, LOCAL_OPERATOR);
    const resolved = result?.index.resolved;
    return {
      analysis,
      layer: {
        ...(version ? { attackVersion: version } : {}),
        ...(resolved ? { resolve: (id: string) => resolved.get(id) ?? id } : {}),
      },
    };
  });
}
