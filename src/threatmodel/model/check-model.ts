import { formatJsonPath, type PathSegment } from './json-path.ts';
import type { ThreatModel } from './schema.ts';
import { checkRuleConditions } from './check-rules.ts';

export interface ModelFinding {
  message: string;
  path: PathSegment[];
}
export type ModelWarning = ModelFinding;

/**
 * Reference checks the schema cannot express. Errors: duplicate ids (elements, flows and
 * boundaries share one namespace, since threat ids name any of them), references to unknown
 * elements, boundaries or assets, cycles in boundary nesting, malformed rule conditions.
 * Warnings: suppressions and carried threats naming unknown elements (imports often keep
 * threats of cells the importer dropped; they stay visible rather than fail the model).
 */
export function checkModel(model: ThreatModel): { errors: ModelFinding[]; warnings: ModelWarning[] } {
  const errors: ModelFinding[] = [];
  const warnings: ModelWarning[] = [];
  const nodes = new Map<string, PathSegment[]>();
  const claim = (id: string, path: PathSegment[], seen = nodes) => {
    const before = seen.get(id);
    if (before)
      errors.push({ message: `duplicate id '${id}' (first used at ${formatJsonPath(before)})`, path });
    else seen.set(id, path);
  };
  model.elements.forEach((e, i) => claim(e.id, ['elements', i, 'id']));
  model.dataFlows.forEach((f, i) => claim(f.id, ['dataFlows', i, 'id']));
  model.trustBoundaries.forEach((b, i) => claim(b.id, ['trustBoundaries', i, 'id']));
  for (const key of ['assets', 'mitigations', 'threats', 'rules'] as const) {
    const seen = new Map<string, PathSegment[]>();
    model[key].forEach((item, i) => claim(item.id, [key, i, 'id'], seen));
  }

  const elementIds = new Set(model.elements.map((e) => e.id));
  const assetIds = new Set(model.assets.map((a) => a.id));
  const boundaryIds = new Set(model.trustBoundaries.map((b) => b.id));
  const mustExist = (
    ids: readonly string[] | undefined,
    known: Set<string>,
    what: string,
    path: PathSegment[],
  ) =>
    ids?.forEach((id, i) => {
      if (!known.has(id)) errors.push({ message: `unknown ${what} '${id}'`, path: [...path, i] });
    });

  model.elements.forEach((e, i) => {
    mustExist(e.assetsProcessed, assetIds, 'asset', ['elements', i, 'assetsProcessed']);
    mustExist(e.assetsStored, assetIds, 'asset', ['elements', i, 'assetsStored']);
  });
  model.dataFlows.forEach((f, i) => {
    for (const end of ['source', 'destination'] as const) {
      if (!elementIds.has(f[end]))
        errors.push({
          message: `flow ${end} '${f[end]}' is not an element of the model`,
          path: ['dataFlows', i, end],
        });
    }
    mustExist(f.assets, assetIds, 'asset', ['dataFlows', i, 'assets']);
  });
  model.trustBoundaries.forEach((b, i) => {
    mustExist(b.elements, elementIds, 'element', ['trustBoundaries', i, 'elements']);
    if (b.parent !== undefined && !boundaryIds.has(b.parent)) {
      errors.push({
        message: `unknown parent boundary '${b.parent}'`,
        path: ['trustBoundaries', i, 'parent'],
      });
    }
  });
  const cycle = findBoundaryCycle(model);
  if (cycle) errors.push(cycle);
  errors.push(...checkRuleConditions(model.rules));

  const targets = new Set([...elementIds, ...model.dataFlows.map((f) => f.id)]);
  model.suppressions.forEach((s, i) => {
    if (s.elementId !== undefined && !targets.has(s.elementId)) {
      warnings.push({
        message: `suppression names unknown element or flow '${s.elementId}'`,
        path: ['suppressions', i, 'elementId'],
      });
    }
  });
  model.threats.forEach((t, i) =>
    t.elementIds.forEach((id, j) => {
      if (!targets.has(id) && !boundaryIds.has(id)) {
        warnings.push({
          message: `threat '${t.id}' names unknown element '${id}'`,
          path: ['threats', i, 'elementIds', j],
        });
      }
    }),
  );
  return { errors, warnings };
}

function findBoundaryCycle(model: ThreatModel): ModelFinding | undefined {
  const parentOf = new Map(model.trustBoundaries.map((b) => [b.id, b.parent]));
  const done = new Set<string>();
  for (const [i, start] of model.trustBoundaries.entries()) {
    const onPath = new Set<string>();
    let id: string | undefined = start.id;
    while (id !== undefined && !done.has(id)) {
      if (onPath.has(id)) {
        const chain = [...onPath, id].join(' → ');
        return {
          message: `trust boundaries nest in a cycle: ${chain}`,
          path: ['trustBoundaries', i, 'parent'],
        };
      }
      onPath.add(id);
      id = parentOf.get(id);
    }
    for (const seen of onPath) done.add(seen);
  }
  return undefined;
}
