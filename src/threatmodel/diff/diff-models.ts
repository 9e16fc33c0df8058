import { isDeepStrictEqual } from 'node:util';
import type { Analysis } from '../engine/analysis.ts';
import type { Band, ThreatModel } from '../model/schema.ts';

export interface CollectionDiff {
  added: string[];
  removed: string[];
  changed: { id: string; fields: string[] }[];
}

export interface RiskChange {
  threatId: string;
  title: string;
  from: { score: number; band: Band };
  to: { score: number; band: Band };
}

export interface ModelDiff {
  elements: CollectionDiff;
  dataFlows: CollectionDiff;
  trustBoundaries: CollectionDiff;
  assets: CollectionDiff;
  threats: { new: string[]; gone: string[] };
  risks: { up: RiskChange[]; down: RiskChange[] };
}

/** What changed between two versions of a model and their analyses, for reviewing a change. */
export function diffModels(
  before: { model: ThreatModel; analysis: Analysis },
  after: { model: ThreatModel; analysis: Analysis },
): ModelDiff {
  const was = new Map(before.analysis.threats.map((t) => [t.id, t]));
  const now = new Map(after.analysis.threats.map((t) => [t.id, t]));
  const up: RiskChange[] = [];
  const down: RiskChange[] = [];
  for (const [id, t] of now) {
    const old = was.get(id);
    if (!old || old.risk.current.score === t.risk.current.score) continue;
    const change = { threatId: id, title: t.title, from: pick(old.risk.current), to: pick(t.risk.current) };
    (t.risk.current.score > old.risk.current.score ? up : down).push(change);
  }
  return {
    elements: diffById(before.model.elements, after.model.elements),
    dataFlows: diffById(before.model.dataFlows, after.model.dataFlows),
    trustBoundaries: diffById(before.model.trustBoundaries, after.model.trustBoundaries),
    assets: diffById(before.model.assets, after.model.assets),
    threats: {
      new: [...now.keys()].filter((id) => !was.has(id)).sort(),
      gone: [...was.keys()].filter((id) => !now.has(id)).sort(),
    },
    risks: { up, down },
  };
}

const pick = (r: { score: number; band: Band }) => ({ score: r.score, band: r.band });

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[]): CollectionDiff {
  const old = new Map(before.map((x) => [x.id, x]));
  const neu = new Map(after.map((x) => [x.id, x]));
  const changed: CollectionDiff['changed'] = [];
  for (const [id, x] of neu) {
    const o = old.get(id);
    if (!o) continue;
    const keys = new Set([...Object.keys(o), ...Object.keys(x)]);
    const fields = [...keys]
      .filter((k) => !isDeepStrictEqual((o as Record<string, unknown>)[k], (x as Record<string, unknown>)[k]))
      .sort();
    if (fields.length > 0) changed.push({ id, fields });
  }
  return {
    added: [...neu.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !neu.has(id)),
    changed,
  };
}

export function renderDiffText(diff: ModelDiff): string {
  const lines: string[] = [];
  for (const key of ['elements', 'dataFlows', 'trustBoundaries', 'assets'] as const) {
    const d = diff[key];
    for (const id of d.added) lines.push(`+ ${key} ${id}`);
    for (const id of d.removed) lines.push(`- ${key} ${id}`);
    for (const c of d.changed) lines.push(`~ ${key} ${c.id}: ${c.fields.join(', ')}`);
  }
  for (const id of diff.threats.new) lines.push(`+ threat ${id}`);
  for (const id of diff.threats.gone) lines.push(`- threat ${id}`);
  for (const r of diff.risks.up)
    lines.push(`↑ risk ${r.threatId}: ${r.from.band} ${r.from.score} → ${r.to.band} ${r.to.score}`);
  for (const r of diff.risks.down)
    lines.push(`↓ risk ${r.threatId}: ${r.from.band} ${r.from.score} → ${r.to.band} ${r.to.score}`);
  return lines.length > 0 ? lines.join('\n') : 'no changes';
}
