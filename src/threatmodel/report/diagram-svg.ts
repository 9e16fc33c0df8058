import elkModule from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { ThreatModel } from '../model/schema.ts';
import { escapeHtml } from './escape.ts';

type ElkConstructor = typeof elkModule.default;
// The bundle is CommonJS: depending on the loader the constructor is the module or its default.
const ELK =
  (elkModule as unknown as { default?: ElkConstructor }).default ?? (elkModule as unknown as ElkConstructor);

const NODE = { width: 150, height: 48 };
const SHAPES: Record<string, (w: number, h: number) => string> = {
  actor: (w, h) => `<rect width="${w}" height="${h}" class="actor"/>`,
  'external-entity': (w, h) => `<rect width="${w}" height="${h}" class="external"/>`,
  process: (w, h) => `<rect width="${w}" height="${h}" rx="${h / 2}" class="process"/>`,
  datastore: (w, h) =>
    `<path d="M0 0H${w}M0 ${h}H${w}" class="store"/><rect width="${w}" height="${h}" class="store-fill"/>`,
};

/** The data-flow diagram as SVG: elements in nested trust boundaries, laid out by ELK's layered algorithm. */
export async function renderDiagramSvg(model: ThreatModel): Promise<string> {
  const laid = await new ELK().layout(buildGraph(model));
  const kinds = new Map(model.elements.map((e) => [e.id, e]));
  const boundaries = new Map(model.trustBoundaries.map((b) => [b.id, b]));
  const parts: string[] = [];
  const offsets = new Map<string, { x: number; y: number }>([['root', { x: 0, y: 0 }]]);
  const visit = (node: ElkNode, ox: number, oy: number) => {
    for (const child of node.children ?? []) {
      const x = ox + (child.x ?? 0);
      const y = oy + (child.y ?? 0);
      offsets.set(child.id, { x, y });
      const w = child.width ?? 0;
      const h = child.height ?? 0;
      const boundary = boundaries.get(child.id.slice(2));
      if (child.id.startsWith('b:') && boundary) {
        parts.push(
          `<g transform="translate(${x},${y})"><rect width="${w}" height="${h}" class="boundary"/><text x="8" y="16" class="blabel">${escapeHtml(boundary.name ?? boundary.id)} (${boundary.type})</text></g>`,
        );
        visit(child, x, y);
      } else {
        const e = kinds.get(child.id.slice(2));
        if (!e) continue;
        parts.push(
          `<g transform="translate(${x},${y})">${SHAPES[e.kind]!(w, h)}<text x="${w / 2}" y="${h / 2 + 4}" class="label">${escapeHtml(truncate(e.name ?? e.id))}</text></g>`,
        );
      }
    }
    for (const edge of node.edges ?? [])
      parts.push(edgePath(edge, offsets.get(edge.container ?? node.id) ?? { x: ox, y: oy }));
  };
  visit(laid, 0, 0);
  const width = Math.ceil(laid.width ?? 0);
  const height = Math.ceil(laid.height ?? 0);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="data-flow diagram"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker></defs>${parts.join('')}</svg>`;
}

function buildGraph(model: ThreatModel): ElkNode {
  const nodes = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': '30',
    },
    children: [],
    edges: [],
  };
  for (const b of model.trustBoundaries)
    nodes.set(`b:${b.id}`, {
      id: `b:${b.id}`,
      children: [],
      layoutOptions: { 'elk.padding': '[top=28,left=12,bottom=12,right=12]' },
    });
  const parentOf = new Map<string, string>();
  for (const b of model.trustBoundaries) {
    if (b.parent) parentOf.set(`b:${b.id}`, `b:${b.parent}`);
    for (const e of b.elements) parentOf.set(`e:${e}`, `b:${b.id}`);
  }
  for (const e of model.elements) nodes.set(`e:${e.id}`, { id: `e:${e.id}`, ...NODE });
  for (const [id, node] of nodes) (nodes.get(parentOf.get(id) ?? '') ?? root).children!.push(node);
  root.edges = model.dataFlows.map((f): ElkExtendedEdge => ({
    id: `f:${f.id}`,
    sources: [`e:${f.source}`],
    targets: [`e:${f.destination}`],
  }));
  return root;
}

function edgePath(edge: ElkExtendedEdge, at: { x: number; y: number }): string {
  const points = (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
  if (points.length === 0) return '';
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x + at.x} ${p.y + at.y}`).join('');
  return `<path d="${d}" class="flow" marker-end="url(#arrow)"><title>${escapeHtml(edge.id.slice(2))}</title></path>`;
}

const truncate = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
