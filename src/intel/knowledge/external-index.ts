import { sql } from 'kysely';
import { getKnowledgeMeta } from '../../store/knowledge-meta-repo.ts';
import {
  EXTERNAL_REFS_SIGNATURE,
  replaceExternalRefs,
  type ExternalRef,
} from '../../store/external-refs-repo.ts';
import type { Store } from '../../store/store.ts';

/** The types whose external ids are indexed: ATT&CK and CAPEC objects, not indicators or CVEs. */
export const INDEXED_TYPES = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'intrusion-set',
  'malware',
  'tool',
  'x-mitre-data-source',
  'x-mitre-tactic',
] as const;

const PAGE = 2000;

/** Changes whenever an object of an indexed type is added, replaced or revoked. */
async function signature(store: Store): Promise<string> {
  const row = await store.db
    .selectFrom('objects')
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('modified_key').as('latest'),
      (eb) => eb.fn.sum<number>('revoked').as('revoked'),
    ])
    .where('type', 'in', [...INDEXED_TYPES])
    .executeTakeFirst();
  return `${Number(row?.n ?? 0)}|${row?.latest ?? ''}|${Number(row?.revoked ?? 0)}`;
}

function refsOf(id: string, json: string): ExternalRef[] {
  const o = JSON.parse(json) as { external_references?: unknown };
  if (!Array.isArray(o.external_references)) return [];
  const out: ExternalRef[] = [];
  for (const r of o.external_references as { source_name?: unknown; external_id?: unknown }[]) {
    if (
      typeof r?.source_name === 'string' &&
      typeof r.external_id === 'string' &&
      r.external_id.length <= 200
    )
      out.push({ external_id: r.external_id, source_name: r.source_name.toLowerCase(), object_id: id });
  }
  return out;
}

/**
 * Brings the external-id index up to date with `objects`: ATT&CK ids (`T1566.001`, `G0016`),
 * CAPEC ids and the CWE and ATT&CK ids CAPEC patterns cite become rows of `external_refs`.
 * The index is rebuilt only when the indexed objects changed since it was built (their count,
 * latest `modified` or revocations), so every reader can call this first at little cost.
 */
export async function ensureExternalRefs(store: Store): Promise<void> {
  const sig = await signature(store);
  if ((await getKnowledgeMeta(store, EXTERNAL_REFS_SIGNATURE)) === sig) return;
  const rows: ExternalRef[] = [];
  let after = '';
  for (;;) {
    const page = await store.db
      .selectFrom('objects')
      .select(['id', 'json'])
      .where('type', 'in', [...INDEXED_TYPES])
      .where('id', '>', after)
      .where(sql<boolean>`json like '%external_id%'`)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of page) rows.push(...refsOf(r.id, r.json));
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  await replaceExternalRefs(store, rows, sig);
}
