import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ExampleFormat } from './example-models.ts';

/** What a model file holds, counted straight from the raw document (independently of the importers). */
export interface Counts {
  elements: number;
  flows: number;
  boundaries: number;
  threats: number;
}

/** The value at a path of keys, or undefined. */
export function at(value: unknown, ...keys: string[]): unknown {
  let v = value;
  for (const k of keys)
    v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
const entries = (v: unknown): unknown[] => (typeof v === 'object' && v !== null ? Object.values(v) : []);

export function rawCounts(file: string, format: ExampleFormat): Counts {
  const text = readFileSync(file, 'utf8');
  if (format === 'tm7') return tm7Counts(text);
  const doc: unknown = parse(text, { merge: true, maxAliasCount: -1 });
  const count = (...keys: string[]) => list(at(doc, ...keys)).length;
  if (format === 'otm') {
    return {
      elements: count('components'),
      flows: count('dataflows'),
      boundaries: count('trustZones'),
      threats: count('threats'),
    };
  }
  if (format === 'threagile') {
    const assets = entries(at(doc, 'technical_assets'));
    const categories = [
      ...entries(at(doc, 'individual_risk_categories')),
      ...list(at(doc, 'custom_risk_categories')),
    ];
    return {
      elements: assets.length,
      flows: assets.reduce<number>((n, a) => n + entries(at(a, 'communication_links')).length, 0),
      boundaries: entries(at(doc, 'trust_boundaries')).length,
      threats: categories.reduce<number>((n, c) => n + entries(at(c, 'risks_identified')).length, 0),
    };
  }
  return tdCounts(doc);
}

/** Threat Dragon: v2 `cells` with `data.type`, v1 `diagramJson.cells` with `type`. Flows count when both ends are drawn on an element. */
function tdCounts(doc: unknown): Counts {
  const cells = list(at(doc, 'detail', 'diagrams')).flatMap((d) =>
    list(at(d, 'cells') ?? at(d, 'diagramJson', 'cells')),
  );
  const typeOf = (c: unknown) => at(c, 'data', 'type') ?? at(c, 'type');
  const nodes = new Set(
    cells
      .filter((c) => ['tm.Actor', 'tm.Process', 'tm.Store'].includes(typeOf(c) as string))
      .map((c) => at(c, 'id')),
  );
  const end = (c: unknown, side: string) => at(c, side, 'cell') ?? at(c, side, 'id');
  return {
    elements: nodes.size,
    flows: cells.filter(
      (c) => typeOf(c) === 'tm.Flow' && nodes.has(end(c, 'source')) && nodes.has(end(c, 'target')),
    ).length,
    boundaries: cells.filter((c) => ['tm.Boundary', 'tm.BoundaryBox'].includes(typeOf(c) as string)).length,
    threats: cells.reduce<number>((n, c) => n + list(at(c, 'data', 'threats') ?? at(c, 'threats')).length, 0),
  };
}

/** MS TMT: one `KeyValueOfguidanyType` per stencil; GE.A annotations are not model elements. */
function tm7Counts(text: string): Counts {
  const stencils = text
    .split('<a:KeyValueOfguidanyType>')
    .slice(1)
    .map((block) => ({
      generic: /GenericTypeId[^>]*>([^<]+)</.exec(block)?.[1],
      guid: /<Guid[^>]*>([^<]+)</.exec(block)?.[1],
      source: /<SourceGuid[^>]*>([^<]+)</.exec(block)?.[1],
      target: /<TargetGuid[^>]*>([^<]+)</.exec(block)?.[1],
    }));
  const nodes = new Set(
    stencils.filter((s) => ['GE.P', 'GE.EI', 'GE.DS'].includes(s.generic ?? '')).map((s) => s.guid),
  );
  return {
    elements: nodes.size,
    flows: stencils.filter((s) => s.generic === 'GE.DF' && nodes.has(s.source) && nodes.has(s.target)).length,
    boundaries: stencils.filter((s) => s.generic === 'GE.TB.B' || s.generic === 'GE.TB.L').length,
    threats: text.split('<a:KeyValueOfstringThreatpc_P0_PhOB>').length - 1,
  };
}
