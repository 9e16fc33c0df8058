import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';
import { externalIdOf } from './knowledge.ts';
import type { GraphNode } from './types.ts';

/** How far a chain of revoked-by links is followed before giving up (cycles included). */
const MAX_REPLACEMENTS = 5;

interface Loaded {
  node: GraphNode;
  object: Record<string, unknown> | null;
  revoked: boolean;
  deprecated: boolean;
}

export type Resolution =
  | { state: 'current'; node: GraphNode; replaced?: string }
  | { state: 'hidden' }
  /** Above the viewer's clearance: dropped without a trace, not even counted. */
  | { state: 'invisible' }
  | { state: 'dangling' };

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function toLoaded(r: {
  id: string;
  type: string;
  name: string | null;
  revoked: number;
  json: string;
}): Loaded {
  const o = JSON.parse(r.json) as Record<string, unknown>;
  return {
    node: {
      id: r.id,
      type: r.type,
      name: r.name,
      aliases: [...new Set([...strings(o.aliases), ...strings(o.x_mitre_aliases)])],
      externalId: externalIdOf(o),
    },
    object: o,
    revoked: Number(r.revoked) === 1,
    deprecated: o.x_mitre_deprecated === true,
  };
}

/**
 * The objects a walk reaches, loaded once, of what the viewer may see. A revoked object
 * resolves to its current replacement (through `revoked-by`), a deprecated one is hidden:
 * neither is ever shown as current.
 */
export class NodeCache {
  private readonly loaded = new Map<string, Loaded | null>();

  constructor(
    private readonly store: Store,
    private readonly viewer: Viewer,
  ) {}

  /** Nodes added by hand (objects that are not STIX objects, such as CWE weaknesses). */
  put(node: GraphNode): void {
    this.loaded.set(node.id, { node, object: null, revoked: false, deprecated: false });
  }

  /** The STIX object behind a node, if it is one the viewer may see (empty otherwise). */
  async objectJson(id: string): Promise<Record<string, unknown>[]> {
    await this.load([id]);
    const o = this.loaded.get(id)?.object;
    return o ? [o] : [];
  }

  async load(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.loaded.has(id));
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      const rows = await this.store.db
        .selectFrom('objects')
        .select(['id', 'type', 'name', 'revoked', 'json'])
        .where('id', 'in', chunk)
        .where('tlp', '<=', this.viewer.maxTlp)
        .execute();
      for (const r of rows) this.loaded.set(r.id, toLoaded(r));
      for (const id of chunk) if (!this.loaded.has(id)) this.loaded.set(id, null);
    }
  }

  get(id: string): GraphNode | undefined {
    return this.loaded.get(id)?.node;
  }

  /** Whether an id that did not load exists at all (a dangling reference) or is only hidden. */
  private async exists(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.store.db.selectFrom('objects').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The current object for an id: itself, its replacement, hidden or dangling. */
  async resolve(id: string): Promise<Resolution> {
    await this.load([id]);
    let current = this.loaded.get(id);
    if (current === null || current === undefined) {
      return (await this.exists([id])).has(id) ? { state: 'invisible' } : { state: 'dangling' };
    }
    for (let i = 0; current.revoked && i < MAX_REPLACEMENTS; i++) {
      const next = await this.store.db
        .selectFrom('relationships')
        .select('target_ref')
        .where('source_ref', '=', current.node.id)
        .where('relationship_type', '=', 'revoked-by')
        .limit(1)
        .executeTakeFirst();
      if (!next) return { state: 'hidden' };
      await this.load([next.target_ref]);
      const replacement = this.loaded.get(next.target_ref);
      if (!replacement) return { state: 'invisible' };
      current = replacement;
    }
    if (current.revoked || current.deprecated) return { state: 'hidden' };
    return current.node.id === id
      ? { state: 'current', node: current.node }
      : { state: 'current', node: current.node, replaced: id };
  }
}
