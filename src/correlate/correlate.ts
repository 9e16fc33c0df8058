import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';
import { CHAINS, neighbourhood } from './chains.ts';
import { NodeCache } from './nodes.ts';
import { resolveInput, type ResolvedInput } from './resolve-input.ts';
import { runChain, type ChainResult, type WalkState } from './run-chain.ts';
import { DEFAULT_WALK_LIMITS, type Anomalies, type GraphNode, type WalkLimits } from './types.ts';
import { cveNodeId, technologyNodeId } from './vulnerability-steps.ts';
import { vulnerabilityFacts } from './knowledge.ts';

export interface CorrelateOptions {
  /** Steps walked along each chain (and depth of the generic walk); default: whole chains, 2. */
  depth?: number;
  limits?: WalkLimits;
}

export interface CorrelationResult {
  input: string;
  as: ResolvedInput['as'];
  subjects: GraphNode[];
  /** Subjects that were revoked, with the current object shown in their place. */
  replaced: { revoked: string; by: string }[];
  chains: ChainResult[];
  nodes: Record<string, GraphNode>;
  truncated: boolean;
  anomalies: Anomalies;
}

/** Lists in a result stay readable when a hostile graph has thousands of oddities. */
const MAX_LISTED = 100;
const MAX_DEPTH = 8;

function chainsFor(node: GraphNode, depth: number | undefined) {
  const key = node.type === 'attack-pattern' && node.externalId?.startsWith('CAPEC-') ? 'capec' : node.type;
  const chains = CHAINS[key];
  return chains ?? [neighbourhood(Math.min(depth ?? 2, MAX_DEPTH))];
}

/**
 * Correlation chains from one input, both ways, each hop with its evidence: bounded walks
 * (depth, links per object, objects in all) over what the viewer may see.
 */
export async function correlate(
  store: Store,
  viewer: Viewer,
  input: string,
  opts: CorrelateOptions = {},
): Promise<CorrelationResult> {
  const limits = opts.limits ?? DEFAULT_WALK_LIMITS;
  const depth = Math.min(opts.depth ?? MAX_DEPTH, MAX_DEPTH);
  const resolved = await resolveInput(store, viewer, input);
  const nodes = new NodeCache(store, viewer);
  const ctx = { store, viewer, nodes, limits };
  const state: WalkState = {
    reached: new Set(),
    anomalies: { selfReferences: [], dangling: [], revisits: 0, hidden: 0 },
  };
  const subjects: GraphNode[] = [];
  const replaced: CorrelationResult['replaced'] = [];
  for (const id of resolved.ids) {
    const r = await nodes.resolve(id);
    if (r.state !== 'current' || subjects.some((s) => s.id === r.node.id)) continue;
    subjects.push(r.node);
    if (r.replaced) replaced.push({ revoked: r.replaced, by: r.node.id });
  }
  if (resolved.cve && subjects.length === 0 && (await vulnerabilityFacts(store, [resolved.cve])).size > 0) {
    const node = {
      id: cveNodeId(resolved.cve),
      type: 'vulnerability',
      name: resolved.cve,
      aliases: [],
      externalId: resolved.cve,
    };
    nodes.put(node);
    subjects.push(node);
  }
  if (resolved.technology) {
    const node = {
      id: technologyNodeId(resolved.technology),
      type: 'technology',
      name: resolved.technology,
      aliases: [],
      externalId: null,
    };
    nodes.put(node);
    subjects.push(node);
  }
  for (const s of subjects) state.reached.add(s.id);

  const chains: ChainResult[] = [];
  const byType = new Map<string, GraphNode[]>();
  for (const s of subjects) byType.set(s.type, [...(byType.get(s.type) ?? []), s]);
  for (const group of byType.values()) {
    for (const chain of chainsFor(group[0]!, opts.depth))
      chains.push(await runChain(ctx, state, chain, { start: group.map((s) => s.id), depth }));
  }
  const all: Record<string, GraphNode> = {};
  for (const id of state.reached) {
    const n = nodes.get(id);
    if (n) all[id] = n;
  }
  const { anomalies } = state;
  return {
    input,
    as: resolved.as,
    subjects,
    replaced,
    chains,
    nodes: all,
    truncated: chains.some((c) => c.truncated.length > 0),
    anomalies: {
      ...anomalies,
      selfReferences: [...new Set(anomalies.selfReferences)].slice(0, MAX_LISTED),
      dangling: [...new Set(anomalies.dangling)].slice(0, MAX_LISTED),
    },
  };
}
