import type { Element, ThreatModel } from '../../model/schema.ts';
import { EXTENSION_KEY, compact, writeExtension } from '../extension.ts';
import {
  TD_BOUNDARY_STRUCTURAL,
  TD_ELEMENT_STRUCTURAL,
  TD_FLOW_STRUCTURAL,
  TD_MODEL_STRUCTURAL,
} from './import-td.ts';
import { layoutDiagram } from './td-layout.ts';
import { TD_THREAT_STRUCTURAL, writeTdThreat } from './td-threats.ts';

const SHAPES: Record<Element['kind'], [string, string]> = {
  actor: ['actor', 'tm.Actor'],
  'external-entity': ['actor', 'tm.Actor'],
  process: ['process', 'tm.Process'],
  datastore: ['store', 'tm.Store'],
};

interface TdMeta {
  version?: string;
  owner?: string;
  reviewer?: string;
  contributors?: string[];
  threatTypes?: Record<string, string>;
}

/** Writes the model as one Threat Dragon v2 STRIDE diagram (TD-schema2), with a generated layout. */
export function exportThreatDragon(model: ThreatModel): string {
  const meta = (model.metadata?.threatDragon ?? {}) as TdMeta;
  const types = meta.threatTypes ?? {};
  const boxIds = new Set(
    model.trustBoundaries
      .filter(
        (b) => b.elements.length > 0 || b.parent || model.trustBoundaries.some((c) => c.parent === b.id),
      )
      .map((b) => b.id),
  );
  const layout = layoutDiagram(model, boxIds);
  const cellIds = new Set([...model.elements.map((e) => e.id), ...model.dataFlows.map((f) => f.id)]);
  const placed = new Map<string, ThreatModel['threats']>();
  const unplaced: ThreatModel['threats'] = [];
  for (const t of model.threats) {
    const cell = t.elementIds.find((id) => cellIds.has(id));
    if (cell === undefined) unplaced.push(t);
    else placed.set(cell, [...(placed.get(cell) ?? []), t]);
  }
  const threatsOf = (id: string) =>
    (placed.get(id) ?? []).map((t) => ({
      ...writeTdThreat(t, types),
      [EXTENSION_KEY]: {
        ...writeExtension(t, TD_THREAT_STRUCTURAL),
        status: t.status === 'false-positive' ? t.status : undefined,
      },
    }));
  let z = 0;
  const cells = [
    ...model.trustBoundaries
      .filter((b) => boxIds.has(b.id))
      .map((b) => ({
        id: b.id,
        shape: 'trust-boundary-box',
        zIndex: ++z,
        position: { x: layout.boxes.get(b.id)!.x, y: layout.boxes.get(b.id)!.y },
        size: { width: layout.boxes.get(b.id)!.width, height: layout.boxes.get(b.id)!.height },
        attrs: { label: { text: b.name ?? '' } },
        data: boundaryData(b, 'tm.BoundaryBox'),
      })),
    ...model.elements.map((e) => {
      const [shape, type] = SHAPES[e.kind];
      const box = layout.nodes.get(e.id)!;
      const threats = threatsOf(e.id);
      return {
        id: e.id,
        shape,
        zIndex: ++z,
        position: { x: box.x, y: box.y },
        size: { width: box.width, height: box.height },
        attrs: { text: { text: e.name ?? e.id } },
        data: compact({
          type,
          name: e.name ?? e.id,
          description: e.description ?? '',
          outOfScope: e.outOfScope,
          reasonOutOfScope: e.outOfScopeReason,
          isTrustBoundary: false,
          ...elementFlags(e),
          threats,
          hasOpenThreats: threats.some((t) => t.status === 'Open'),
          [EXTENSION_KEY]: writeExtension(e, TD_ELEMENT_STRUCTURAL),
        }),
      };
    }),
    ...model.dataFlows.map((f) => {
      const threats = threatsOf(f.id);
      return {
        id: f.id,
        shape: 'flow',
        zIndex: ++z,
        source: { cell: f.source },
        target: { cell: f.destination },
        labels: [{ position: 0.5, attrs: { label: { text: f.name ?? '' } } }],
        data: compact({
          type: 'tm.Flow',
          name: f.name ?? f.id,
          description: f.description ?? '',
          outOfScope: f.outOfScope,
          protocol: f.protocol ?? '',
          isEncrypted: f.encrypted,
          isBidirectional: f.bidirectional,
          isTrustBoundary: false,
          threats,
          hasOpenThreats: threats.some((t) => t.status === 'Open'),
          [EXTENSION_KEY]: writeExtension(f, TD_FLOW_STRUCTURAL),
        }),
      };
    }),
    ...model.trustBoundaries
      .filter((b) => !boxIds.has(b.id))
      .map((b, i) => ({
        id: b.id,
        shape: 'trust-boundary-curve',
        zIndex: ++z,
        source: { x: -200, y: i * 60 },
        target: { x: -40, y: i * 60 + 40 },
        labels: [{ attrs: { label: { text: b.name ?? '' } } }],
        data: boundaryData(b, 'tm.Boundary'),
      })),
  ];
  const doc = {
    version: '2.3.0',
    summary: compact({ title: model.title, owner: meta.owner, description: model.description ?? '', id: 0 }),
    detail: {
      contributors: (meta.contributors ?? []).map((name) => ({ name })),
      diagrams: [
        {
          id: 0,
          title: model.title,
          diagramType: 'STRIDE',
          placeholder: '',
          thumbnail: './public/content/images/thumbnail.stride.jpg',
          version: '2.3.0',
          cells,
        },
      ],
      diagramTop: 1,
      reviewer: meta.reviewer ?? '',
      threatTop: model.threats.length,
    },
    [EXTENSION_KEY]: {
      ...writeExtension(model, TD_MODEL_STRUCTURAL),
      unplacedThreats: unplaced.length > 0 ? unplaced : undefined,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function boundaryData(b: ThreatModel['trustBoundaries'][number], type: string) {
  return compact({
    type,
    name: b.name ?? b.id,
    description: b.description ?? '',
    isTrustBoundary: true,
    containedElements: type === 'tm.BoundaryBox' ? b.elements : undefined,
    [EXTENSION_KEY]: writeExtension(b, TD_BOUNDARY_STRUCTURAL),
  });
}

/** Threat Dragon's own property flags, so the diagram reads right in Threat Dragon. */
function elementFlags(e: Element): Record<string, boolean | undefined> {
  if (e.kind === 'datastore') {
    return {
      isALog: e.type === 'log',
      storesCredentials: e.data?.includes('credentials') ?? false,
      isEncrypted: e.encryptionAtRest === undefined ? undefined : e.encryptionAtRest !== 'none',
    };
  }
  if (e.kind === 'process') {
    return {
      isWebApplication: e.type === 'web-application',
      handlesCardPayment: e.data?.includes('card-data') ?? false,
    };
  }
  return {};
}
