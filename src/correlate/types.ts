/** One object reached by a walk, as correlation shows it. */
export interface GraphNode {
  id: string;
  type: string;
  name: string | null;
  aliases: string[];
  /** ATT&CK, CAPEC or CWE id where the object has one. */
  externalId: string | null;
}

/** One hop of a chain with its evidence: the link that joins the two objects and who said so. */
export interface Hop {
  from: string;
  to: string;
  relationship: { id: string; type: string; direction: 'out' | 'in' };
  /** Names of the sources that reported the link. */
  sources: string[];
  /** Set when the object reached was revoked and the hop leads to its replacement instead. */
  replaced?: string;
}

/** Where a walk stopped early, so that a bounded answer is never mistaken for a complete one. */
export interface Truncation {
  step: string;
  reason: 'per-node cap' | 'node cap';
  /** The node whose links were cut (per-node cap). */
  at?: string;
  limit: number;
}

/** Oddities met on the way; none of them stops a walk. */
export interface Anomalies {
  selfReferences: string[];
  dangling: string[];
  /** Links that led back to an object already reached (cycles); not expanded again. */
  revisits: number;
  /** Revoked objects without a current replacement and deprecated ones, hidden. */
  hidden: number;
}

export interface WalkLimits {
  /** Links read per object per step; more are cut and reported. */
  perNode: number;
  /** Objects reached by the whole correlation. */
  maxNodes: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { perNode: 1000, maxNodes: 20_000 };
