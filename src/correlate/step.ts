import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';
import { linkSources, readEdges } from './edges.ts';
import type { NodeCache } from './nodes.ts';
import type { Hop, WalkLimits } from './types.ts';

export interface StepContext {
  store: Store;
  viewer: Viewer;
  nodes: NodeCache;
  limits: WalkLimits;
}

export interface StepOutput {
  hops: Hop[];
  /** Objects whose links were cut at the per-node cap. */
  cutAt: string[];
}

/** One hop of a chain: from the objects reached so far to the next ones. */
export interface Step {
  label: string;
  /** The objects of this step's frontier stay in the next one (a technique with its sub-techniques). */
  keepFrontier?: boolean;
  expand(ctx: StepContext, frontier: string[]): Promise<StepOutput>;
}

/** A step along relationship rows (SROs and embedded references), in one or both directions. */
export function relationshipStep(opts: {
  label: string;
  direction: 'out' | 'in' | 'both';
  relationshipTypes?: string[];
  otherTypes?: string[];
  keepFrontier?: boolean;
}): Step {
  return {
    label: opts.label,
    ...(opts.keepFrontier ? { keepFrontier: true } : {}),
    async expand(ctx, frontier) {
      const { edges, cutAt } = await readEdges(ctx.store, ctx.viewer, {
        ids: frontier,
        direction: opts.direction,
        ...(opts.relationshipTypes ? { relationshipTypes: opts.relationshipTypes } : {}),
        ...(opts.otherTypes ? { otherTypes: opts.otherTypes } : {}),
        perNode: ctx.limits.perNode,
      });
      const evidenceId = (e: { id: string; source: string }) => (e.id.startsWith('ref:') ? e.source : e.id);
      const sources = await linkSources(ctx.store, edges.map(evidenceId));
      const hops = edges.map((e) => ({
        from: e.direction === 'out' ? e.source : e.target,
        to: e.direction === 'out' ? e.target : e.source,
        relationship: { id: e.id, type: e.type, direction: e.direction },
        sources: sources.get(evidenceId(e)) ?? [],
      }));
      return { hops, cutAt };
    },
  };
}
