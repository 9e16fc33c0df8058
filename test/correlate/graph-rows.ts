import type { Store } from '../../src/store/store.ts';

/** A syntactically valid STIX id of a type, numbered (not random, so failures reproduce). */
export const sid = (type: string, n: number) =>
  `${type}--00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Writes object and relationship rows straight into the tables (graphs no feed would send). */
export async function insertGraph(
  store: Store,
  g: {
    objects?: { id: string; name?: string; tlp?: number; json?: Record<string, unknown> }[];
    links?: [string, string, string][];
  },
): Promise<void> {
  const objects = (g.objects ?? []).map((o) => ({
    id: o.id,
    type: o.id.split('--')[0]!,
    revoked: 0,
    tlp: o.tlp ?? 0,
    name: o.name ?? o.id,
    json: JSON.stringify({ id: o.id, type: o.id.split('--')[0], name: o.name ?? o.id, ...o.json }),
  }));
  const links = (g.links ?? []).map(([source_ref, relationship_type, target_ref], i) => ({
    id: `ref:${source_ref}:test-${i}:${target_ref}`,
    source_ref,
    relationship_type,
    target_ref,
  }));
  for (let i = 0; i < objects.length; i += 500)
    await store.db
      .insertInto('objects')
      .values(objects.slice(i, i + 500))
      .execute();
  for (let i = 0; i < links.length; i += 1000)
    await store.db
      .insertInto('relationships')
      .values(links.slice(i, i + 1000))
      .execute();
}
