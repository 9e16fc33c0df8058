import { provenanceWithSources } from '../store/provenance-repo.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';

export interface RawEdge {
  id: string;
  source: string;
  type: string;
  target: string;
  direction: 'out' | 'in';
}

export interface EdgeQuery {
  ids: string[];
  direction: 'out' | 'in' | 'both';
  relationshipTypes?: string[];
  /** STIX types of the object at the other end (ids are prefixed with their type). */
  otherTypes?: string[];
  perNode: number;
}

/** A relationship object that is revoked, deprecated or above the viewer's clearance hides its link. */
function linkVisible(r: { tlp: number | null; revoked: number | null; json: string | null }, viewer: Viewer) {
  if (r.tlp === null) return true;
  if (Number(r.tlp) > viewer.maxTlp || Number(r.revoked) === 1) return false;
  return !(
    r.json?.includes('x_mitre_deprecated') &&
    (JSON.parse(r.json) as Record<string, unknown>).x_mitre_deprecated === true
  );
}

async function oneSide(store: Store, viewer: Viewer, id: string, dir: 'out' | 'in', q: EdgeQuery) {
  const [self, other] =
    dir === 'out' ? (['r.source_ref', 'r.target_ref'] as const) : (['r.target_ref', 'r.source_ref'] as const);
  let query = store.db
    .selectFrom('relationships as r')
    .leftJoin('objects as o', 'o.id', 'r.id')
    .select(['r.id', 'r.source_ref', 'r.relationship_type', 'r.target_ref', 'o.tlp', 'o.revoked', 'o.json'])
    .where(self, '=', id);
  if (q.relationshipTypes) query = query.where('r.relationship_type', 'in', q.relationshipTypes);
  if (q.otherTypes) {
    const prefixes = q.otherTypes.map((t) => `${t}--%`);
    query = query.where((eb) => eb.or(prefixes.map((p) => eb(other, 'like', p))));
  }
  const rows = await query.limit(q.perNode + 1).execute();
  const edges = rows
    .slice(0, q.perNode)
    .filter((r) => linkVisible(r, viewer))
    .map((r) => ({
      id: r.id,
      source: r.source_ref,
      type: r.relationship_type,
      target: r.target_ref,
      direction: dir,
    }));
  return { edges, cut: rows.length > q.perNode };
}

/**
 * The links of each object, at most `perNode` per object and direction: a hub related to
 * 100,000 objects costs one bounded query, and the cut is reported.
 */
export async function readEdges(
  store: Store,
  viewer: Viewer,
  q: EdgeQuery,
): Promise<{ edges: RawEdge[]; cutAt: string[] }> {
  const edges: RawEdge[] = [];
  const cutAt: string[] = [];
  const dirs = q.direction === 'both' ? (['out', 'in'] as const) : [q.direction];
  for (const id of q.ids) {
    for (const dir of dirs) {
      const side = await oneSide(store, viewer, id, dir, q);
      edges.push(...side.edges);
      if (side.cut && !cutAt.includes(id)) cutAt.push(id);
    }
  }
  return { edges, cutAt };
}

/** The names of the sources that reported each link (for an embedded reference, its container). */
export async function linkSources(store: Store, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await provenanceWithSources(store)
      .select(['o.id as object_id', 's.name'])
      .where('o.id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.object_id, [...(out.get(r.object_id) ?? []), r.name]);
  }
  return out;
}
