import type { Value, View } from '../conditions/evaluate.ts';
import type { ModelGraph } from './graph.ts';
import type { Target } from './target.ts';

type Relation = (graph: ModelGraph, target: Target, args: Value[]) => Value;

// Literal arguments arrive as the same array on every call, so their string form is cached.
const stringCache = new WeakMap<readonly Value[], string[]>();
const lowerCache = new WeakMap<readonly Value[], string[]>();

function strings(args: readonly Value[]): string[] {
  let out = stringCache.get(args);
  if (out) return out;
  out = [];
  for (const a of args) {
    if (typeof a === 'string') out.push(a);
    else if (Array.isArray(a)) for (const x of a as Value[]) if (typeof x === 'string') out.push(x);
  }
  stringCache.set(args, out);
  return out;
}

function lowerStrings(args: readonly Value[]): string[] {
  let out = lowerCache.get(args);
  if (!out) {
    out = strings(args).map((s) => s.toLowerCase());
    lowerCache.set(args, out);
  }
  return out;
}
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const anyIn = (values: unknown, names: string[]) => list(values).some((v) => names.includes(v as string));

const ends = (g: ModelGraph, t: Target) => {
  const f = t.kind === 'flow' ? g.flowEnds.get(t.view.id) : undefined;
  return f ? { source: g.elements.get(f.source), destination: g.elements.get(f.destination) } : undefined;
};
const crosses = (g: ModelGraph, flowId: string) => {
  const f = g.flowEnds.get(flowId);
  return f !== undefined && g.zoneOf(f.source) !== g.zoneOf(f.destination);
};
const edges = (g: ModelGraph, t: Target) =>
  t.kind === 'element' ? [...g.incoming(t.view.id), ...g.outgoing(t.view.id)] : [];
const isType = (g: ModelGraph, v: View | undefined, names: string[]) => v !== undefined && g.isType(v, names);

/** The relation functions of the condition language (names and arity in conditions/vocabulary.ts). */
const RELATIONS: Record<string, Relation> = {
  isType: (g, t, a) => t.kind === 'element' && g.isType(t.view, strings(a)),
  hasTechnology: (g, t, a) => anyIn(t.view.technologies, lowerStrings(a)),
  hasControl: (g, t, a) => anyIn(t.view.controls, lowerStrings(a)),
  handles: (g, t, a) => anyIn(t.view.data, strings(a)),
  inBoundaryType: (g, t, a) => {
    const names = strings(a);
    const e = ends(g, t);
    const ids = e ? [e.source?.id, e.destination?.id] : [t.view.id];
    return ids.some((id) => id !== undefined && g.boundaryTypesOf(id).some((b) => names.includes(b)));
  },
  crossesTrustBoundary: (g, t) =>
    t.kind === 'flow' ? crosses(g, t.view.id) : edges(g, t).some((e) => crosses(g, e.flow.id)),
  crossesBoundaryType: (g, t, a) => {
    const names = strings(a);
    const flows = t.kind === 'flow' ? [t.view.id] : edges(g, t).map((e) => e.flow.id);
    return flows.some((f) => g.crossedBoundaries(f).some((b) => names.includes(g.boundaryType(b))));
  },
  reachableFromInternet: (g, t) => {
    const id = t.kind === 'flow' ? g.flowEnds.get(t.view.id)?.source : t.view.id;
    return id !== undefined && g.reachableFromInternet(id);
  },
  reachesStoreWith: (g, t, a) => {
    const id = t.kind === 'flow' ? g.flowEnds.get(t.view.id)?.destination : t.view.id;
    return id !== undefined && g.reachesStoreWith(id, strings(a));
  },
  calledBy: (g, t, a) => {
    const names = strings(a);
    const e = ends(g, t);
    if (e) return isType(g, e.source, names);
    return g.incoming(t.view.id).some((edge) => isType(g, g.elements.get(edge.peer), names));
  },
  connectsTo: (g, t, a) => {
    const names = strings(a);
    const e = ends(g, t);
    if (e) return isType(g, e.destination, names);
    return g.outgoing(t.view.id).some((edge) => isType(g, g.elements.get(edge.peer), names));
  },
  incomingCrossesBoundary: (g, t) =>
    t.kind === 'flow' ? crosses(g, t.view.id) : g.incoming(t.view.id).some((e) => crosses(g, e.flow.id)),
  incomingWithAuth: (g, t, a) => {
    const names = strings(a);
    const flows = t.kind === 'flow' ? [t.view] : g.incoming(t.view.id).map((e) => e.flow);
    return flows.some((f) => names.includes(f.authentication as string));
  },
  hasIncomingProtocol: (g, t, a) => {
    const names = lowerStrings(a);
    const flows = t.kind === 'flow' ? [t.view] : g.incoming(t.view.id).map((e) => e.flow);
    return flows.some((f) => names.includes(f.protocol as string));
  },
  hasOutgoingProtocol: (g, t, a) => {
    const names = lowerStrings(a);
    const flows = t.kind === 'flow' ? [t.view] : g.outgoing(t.view.id).map((e) => e.flow);
    return flows.some((f) => names.includes(f.protocol as string));
  },
  coLocatedWith: (g, t, a) =>
    t.kind === 'element' && strings(a).some((n) => g.coLocatedCount(t.view.id, n) > 0),
  coLocatedWithNon: (g, t, a) => {
    if (t.kind !== 'element') return false;
    const names = strings(a);
    const same = names.reduce((n, name) => Math.max(n, g.coLocatedCount(t.view.id, name)), 0);
    return g.zoneSize(t.view.id) - 1 - same > 0;
  },
  degree: (g, t) => (t.kind === 'element' ? g.incoming(t.view.id).length + g.outgoing(t.view.id).length : 2),
  modelHas: (g, _t, a) => strings(a).some((n) => g.modelHas(n.toLowerCase())),
  assetUsed: (g, t) => t.kind === 'asset' && g.assetUsed(t.view.id),
  count: (_g, _t, a) => (Array.isArray(a[0]) ? a[0].length : typeof a[0] === 'string' ? a[0].length : 0),
  containsAny: (_g, _t, a) => anyIn(a[0], strings([a[1]])),
};

export function callRelation(graph: ModelGraph, target: Target, name: string, args: Value[]): Value {
  const relation = RELATIONS[name];
  return relation ? relation(graph, target, args) : undefined;
}
