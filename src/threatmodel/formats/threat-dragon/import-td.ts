import type { ThreatModelInput } from '../../model/schema.ts';
import { boundaryTypeFrom } from '../boundary-types.ts';
import { EXTENSION_KEY, readExtension } from '../extension.ts';
import { own } from '../own.ts';
import { Raw, type RawSource } from '../raw.ts';
import { inside, readCells, type TdCell } from './td-cells.ts';
import { readTdThreat } from './td-threats.ts';

type ElementInput = NonNullable<ThreatModelInput['elements']>[number];
type BoundaryInput = NonNullable<ThreatModelInput['trustBoundaries']>[number];
type ThreatInput = NonNullable<ThreatModelInput['threats']>[number];

export const TD_MODEL_STRUCTURAL = [
  'title',
  'description',
  'elements',
  'dataFlows',
  'trustBoundaries',
  'threats',
];
export const TD_ELEMENT_STRUCTURAL = ['id', 'name', 'description', 'outOfScope', 'outOfScopeReason'];
export const TD_FLOW_STRUCTURAL = ['id', 'name', 'description', 'source', 'destination', 'outOfScope'];
export const TD_BOUNDARY_STRUCTURAL = ['id', 'name', 'description', 'parent', 'elements'];

const KINDS: Record<string, ElementInput['kind']> = {
  'tm.Actor': 'actor',
  'tm.Process': 'process',
  'tm.Store': 'datastore',
};
/** Cell data that is diagram bookkeeping, not a property of the system. */
const BOOKKEEPING = new Set([
  'isBidirectional',
  'type',
  'name',
  'description',
  'outOfScope',
  'reasonOutOfScope',
  'isTrustBoundary',
  'hasOpenThreats',
  'threatFrequency',
  'z',
  'angle',
  'smooth',
]);

/**
 * OWASP Threat Dragon v1 or v2 JSON → model input. Actors, processes and stores become
 * elements, flows data flows, boundary curves and boxes trust boundaries (a box holds the
 * elements listed in `containedElements`, or else those its geometry encloses; nested boxes
 * get the smallest enclosing box as parent). Text cells are dropped. Every threat is kept with
 * its status, severity, type, description and mitigation.
 */
export function importThreatDragon(value: unknown, source: RawSource): ThreatModelInput {
  const root = Raw.root(value, source).object();
  const summary = root.get('summary').object();
  const detail = root.get('detail').object();
  const ext = readExtension(root, TD_MODEL_STRUCTURAL);
  const unplaced = root
    .get(EXTENSION_KEY)
    .get('unplacedThreats')
    .items()
    .map((t) => t.value as ThreatInput);
  delete ext?.unplacedThreats;
  const cells = readCells(detail);
  const nodeIds = new Set(cells.filter((c) => own(KINDS, c.type)).map((c) => c.id));
  // A flow may be drawn with a loose end; it cannot be a data flow, but its threats are kept.
  const attached = (c: TdCell) =>
    c.source !== undefined && c.target !== undefined && nodeIds.has(c.source) && nodeIds.has(c.target);
  const flows = cells.filter((c) => c.type === 'tm.Flow');
  const threatTypes: Record<string, string> = {};
  const threats = cells.flatMap((c) =>
    ['tm.Boundary', 'tm.BoundaryBox', 'tm.Text'].includes(c.type)
      ? []
      : threatList(c).map((t, i) => readTdThreat(t, c.id, i, threatTypes)),
  );
  const derivedMeta = {
    threatDragon: {
      version: root.get('version').optStr(),
      owner: summary.get('owner').text(),
      reviewer: detail.get('reviewer').text(),
      contributors: detail
        .get('contributors')
        .items()
        .map((c) => c.get('name').optStr() ?? ''),
      threatTypes,
      danglingFlows: flows.filter((c) => !attached(c)).map((c) => c.id),
    },
  };
  return {
    title: summary.get('title').text() ?? 'Untitled model',
    description: summary.get('description').text(),
    ...(ext ?? { metadata: derivedMeta }),
    elements: cells.filter((c) => own(KINDS, c.type)).map(readElement),
    dataFlows: flows.filter(attached).map(readFlow),
    trustBoundaries: readBoundaries(cells),
    threats: [...threats, ...unplaced],
  };
}

/** The schema puts threats on the cell, the app on `data`; v1 on the cell. Read whichever is there. */
function threatList(cell: TdCell): Raw[] {
  const onProps = cell.props.get('threats');
  return onProps.present ? onProps.items() : cell.raw.get('threats').items();
}

/** Pass-through properties; a flow keeps its reason for being out of scope here, having no field for it. */
function properties(cell: TdCell): Record<string, string | number | boolean> | undefined {
  const keep = (k: string) =>
    !BOOKKEEPING.has(k) || (k === 'reasonOutOfScope' && cell.type === 'tm.Flow' && cell.props.get(k).text());
  const props = Object.fromEntries(Object.entries(cell.props.scalars()).filter(([k]) => keep(k)));
  return Object.keys(props).length > 0 ? props : undefined;
}

function scope(cell: TdCell) {
  return {
    outOfScope: cell.props.get('outOfScope').optBool(),
    outOfScopeReason: cell.props.get('reasonOutOfScope').text(),
  };
}

function readElement(cell: TdCell): ElementInput {
  const p = cell.props;
  const ext = readExtension(p, TD_ELEMENT_STRUCTURAL);
  const flag = (key: string) => p.get(key).value === true;
  const data = [
    ...(flag('storesCredentials') ? ['credentials' as const] : []),
    ...(flag('handlesCardPayment') ? ['card-data' as const] : []),
  ];
  const encrypted = cell.type === 'tm.Store' ? p.get('isEncrypted').value : undefined;
  const derived = {
    kind: own(KINDS, cell.type)!,
    type: flag('isWebApplication') ? 'web-application' : flag('isALog') ? 'log' : undefined,
    data: data.length > 0 ? data : undefined,
    encryptionAtRest: encrypted === true ? 'transparent' : encrypted === false ? 'none' : undefined,
    properties: properties(cell),
  };
  return {
    id: cell.id,
    name: cell.name ?? cell.id,
    description: p.get('description').text(),
    ...scope(cell),
    ...(ext ?? derived),
  } as ElementInput;
}

function readFlow(cell: TdCell): NonNullable<ThreatModelInput['dataFlows']>[number] {
  const p = cell.props;
  const ext = readExtension(p, TD_FLOW_STRUCTURAL);
  const derived = {
    protocol: p.get('protocol').text(),
    encrypted: p.get('isEncrypted').optBool(),
    bidirectional: p.get('isBidirectional').optBool(),
    properties: properties(cell),
  };
  return {
    id: cell.id,
    name: cell.name ?? cell.id,
    description: p.get('description').text(),
    source: cell.source!,
    destination: cell.target!,
    outOfScope: p.get('outOfScope').optBool(),
    ...(ext ?? derived),
  };
}

function readBoundaries(cells: TdCell[]): BoundaryInput[] {
  const boxes = cells.filter((c) => c.type === 'tm.BoundaryBox' && c.box);
  const nodes = cells.filter((c) => own(KINDS, c.type));
  const smallestBox = (c: TdCell) =>
    boxes
      .filter((b) => b !== c && inside(c.box!, b.box!))
      .sort((a, b) => a.box!.width * a.box!.height - b.box!.width * b.box!.height)[0]?.id;
  const nodeIds = new Set(nodes.map((n) => n.id));
  const geometric = new Map<string, string[]>();
  for (const n of nodes) {
    const box = n.box && smallestBox(n);
    if (box) geometric.set(box, [...(geometric.get(box) ?? []), n.id]);
  }
  return cells
    .filter((c) => c.type === 'tm.Boundary' || c.type === 'tm.BoundaryBox')
    .map((c) => {
      const ext = readExtension(c.props, TD_BOUNDARY_STRUCTURAL);
      const listed = c.props
        .get('containedElements')
        .strings()
        ?.filter((id) => nodeIds.has(id));
      const isBox = c.type === 'tm.BoundaryBox' && c.box !== undefined;
      return {
        id: c.id,
        name: c.name ?? c.id,
        description: c.props.get('description').text(),
        parent: isBox ? smallestBox(c) : undefined,
        elements: listed && listed.length > 0 ? listed : (geometric.get(c.id) ?? []),
        ...(ext ?? { type: boundaryTypeFrom(c.name) }),
      };
    });
}
