import type { Raw } from '../raw.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One diagram cell in the same shape whichever Threat Dragon version wrote it. */
export interface TdCell {
  raw: Raw;
  id: string;
  /** tm.Actor, tm.Process, tm.Store, tm.Flow, tm.Boundary, tm.BoundaryBox, tm.Text. */
  type: string;
  /** Where the modelling properties live: `data` in v2, the cell itself in v1. */
  props: Raw;
  name: string | undefined;
  box: Box | undefined;
  source: string | undefined;
  target: string | undefined;
}

/**
 * Cells of every diagram. v2 (AntV X6): `diagrams[].cells[]`, type in `data.type`, edges
 * `source.cell`/`target.cell`. v1 (JointJS): `diagrams[].diagramJson.cells[]`, type and
 * properties on the cell, edges `source.id`/`target.id`, names in `attrs.text.text` or labels.
 */
export function readCells(detail: Raw): TdCell[] {
  const cells: TdCell[] = [];
  for (const diagram of detail.get('diagrams').items()) {
    const v1 = diagram.object().get('diagramJson');
    const list = v1.present ? v1.object().get('cells') : diagram.get('cells');
    for (const cell of list.items()) cells.push(readCell(cell.object(), v1.present));
  }
  return cells;
}

function readCell(cell: Raw, v1: boolean): TdCell {
  const data = cell.get('data');
  const props = v1 || !data.present ? cell : data.object();
  const type =
    props.get('type').optStr() ?? cell.get('type').optStr() ?? typeFromShape(cell.get('shape').optStr());
  const label = cell.get('labels').items()[0]?.get('attrs');
  const name =
    props.get('name').text() ??
    cell.get('attrs').get('text').get('text').text() ??
    label?.get('label').get('text').text() ??
    label?.get('text').get('text').text();
  return {
    raw: cell,
    id: cell.get('id').optStr() ?? cell.fail('cell without an id'),
    type,
    props,
    name,
    box: readBox(cell),
    source: endpoint(cell.get('source')),
    target: endpoint(cell.get('target')),
  };
}

const SHAPES: Record<string, string> = {
  actor: 'tm.Actor',
  process: 'tm.Process',
  store: 'tm.Store',
  flow: 'tm.Flow',
  'trust-boundary-box': 'tm.BoundaryBox',
  'trust-boundary-curve': 'tm.Boundary',
  'trust-broundary-curve': 'tm.Boundary',
  'td-text-block': 'tm.Text',
};

function typeFromShape(shape: string | undefined): string {
  return (shape && SHAPES[shape]) ?? 'unknown';
}

function endpoint(end: Raw): string | undefined {
  if (!end.present) return undefined;
  return end.object().get('cell').optStr() ?? end.get('id').optStr();
}

function readBox(cell: Raw): Box | undefined {
  const x = cell.get('position').get('x').optNum();
  const y = cell.get('position').get('y').optNum();
  const width = cell.get('size').get('width').optNum();
  const height = cell.get('size').get('height').optNum();
  if (x === undefined || y === undefined || width === undefined || height === undefined) return undefined;
  return { x, y, width, height };
}

export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
