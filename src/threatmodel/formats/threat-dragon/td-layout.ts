import type { ThreatModel } from '../../model/schema.ts';
import type { Box } from './td-cells.ts';

const NODE = { width: 160, height: 80 };
const GAP = 40;
const PAD = 30;

export interface Layout {
  nodes: Map<string, Box>;
  boxes: Map<string, Box>;
}

/**
 * A simple nested layout for export: each boundary box holds its own elements in a row with
 * its child boxes below them, so that Threat Dragon (which works out containment from
 * geometry) sees the same boundaries the model has. Elements outside any boundary go first.
 */
export function layoutDiagram(model: ThreatModel, boxIds: Set<string>): Layout {
  const layout: Layout = { nodes: new Map(), boxes: new Map() };
  const inBox = new Set(model.trustBoundaries.filter((b) => boxIds.has(b.id)).flatMap((b) => b.elements));
  const free = model.elements.filter((e) => !inBox.has(e.id)).map((e) => e.id);
  const top = model.trustBoundaries.filter(
    (b) => boxIds.has(b.id) && (b.parent === undefined || !boxIds.has(b.parent)),
  );
  place(
    model,
    layout,
    boxIds,
    free,
    top.map((b) => b.id),
    { x: 0, y: 0 },
  );
  return layout;
}

/** Places a row of elements and, below it, a row of boxes; returns the size used. */
function place(
  model: ThreatModel,
  layout: Layout,
  boxIds: Set<string>,
  elementIds: string[],
  childBoxes: string[],
  at: { x: number; y: number },
): { width: number; height: number } {
  let x = at.x;
  for (const id of elementIds) {
    if (layout.nodes.has(id)) continue;
    layout.nodes.set(id, { x, y: at.y, ...NODE });
    x += NODE.width + GAP;
  }
  let width = Math.max(0, x - at.x - GAP);
  const rowY = at.y + (elementIds.length > 0 ? NODE.height + GAP : 0);
  let bx = at.x;
  let rowHeight = 0;
  for (const id of childBoxes) {
    const boundary = model.trustBoundaries.find((b) => b.id === id)!;
    const children = model.trustBoundaries
      .filter((b) => b.parent === id && boxIds.has(b.id))
      .map((b) => b.id);
    const inner = place(model, layout, boxIds, boundary.elements, children, { x: bx + PAD, y: rowY + PAD });
    const box = { x: bx, y: rowY, width: inner.width + 2 * PAD, height: inner.height + 2 * PAD };
    layout.boxes.set(id, box);
    bx += box.width + GAP;
    rowHeight = Math.max(rowHeight, box.height);
  }
  width = Math.max(width, bx - at.x - GAP);
  return { width: Math.max(width, NODE.width), height: Math.max(rowY - at.y + rowHeight, NODE.height) };
}
