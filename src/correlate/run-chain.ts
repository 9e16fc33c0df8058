import type { Step, StepContext } from './step.ts';
import type { Anomalies, Hop, Truncation } from './types.ts';

export interface Chain {
  name: string;
  steps: Step[];
}

export interface StepResult {
  label: string;
  hops: Hop[];
}

export interface ChainResult {
  name: string;
  steps: StepResult[];
  truncated: Truncation[];
}

/** What all the chains of one correlation share: every object reached, and the oddities met. */
export interface WalkState {
  reached: Set<string>;
  anomalies: Anomalies;
}

/**
 * Walks a chain from its start objects, at most `depth` steps. Each object is expanded once
 * per chain (cycles and self-references end there), revoked objects lead to their replacement,
 * and the node cap of the whole correlation ends the walk with a reported truncation.
 */
export async function runChain(
  ctx: StepContext,
  state: WalkState,
  chain: Chain,
  opts: { start: string[]; depth: number },
): Promise<ChainResult> {
  const result: ChainResult = { name: chain.name, steps: [], truncated: [] };
  const visited = new Set(opts.start);
  let frontier = opts.start;
  for (const step of chain.steps.slice(0, opts.depth)) {
    if (frontier.length === 0) break;
    const out = await step.expand(ctx, frontier);
    for (const at of out.cutAt)
      result.truncated.push({ step: step.label, reason: 'per-node cap', at, limit: ctx.limits.perNode });
    const { hops, next, capped } = await resolveHops(ctx, state, visited, out.hops);
    if (capped) result.truncated.push({ step: step.label, reason: 'node cap', limit: ctx.limits.maxNodes });
    result.steps.push({ label: step.label, hops });
    frontier = step.keepFrontier ? [...new Set([...frontier, ...next])] : next;
    if (capped) break;
  }
  return result;
}

async function resolveHops(ctx: StepContext, state: WalkState, visited: Set<string>, raw: Hop[]) {
  await ctx.nodes.load(raw.map((h) => h.to));
  const hops: Hop[] = [];
  const next: string[] = [];
  const seen = new Set<string>();
  let capped = false;
  for (const hop of raw) {
    if (hop.from === hop.to) {
      state.anomalies.selfReferences.push(hop.relationship.id);
      continue;
    }
    const r = await ctx.nodes.resolve(hop.to);
    if (r.state === 'dangling') state.anomalies.dangling.push(hop.to);
    if (r.state === 'hidden') state.anomalies.hidden += 1;
    if (r.state !== 'current') continue;
    const to = r.node.id;
    const key = `${hop.from}|${hop.relationship.id}|${to}`;
    if (seen.has(key)) continue;
    if (!state.reached.has(to) && state.reached.size >= ctx.limits.maxNodes) {
      capped = true;
      break;
    }
    seen.add(key);
    state.reached.add(to);
    hops.push(r.replaced ? { ...hop, to, replaced: r.replaced } : hop);
    if (visited.has(to)) state.anomalies.revisits += 1;
    else {
      visited.add(to);
      next.push(to);
    }
  }
  return { hops, next, capped };
}
