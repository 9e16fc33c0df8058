import type { RelationshipsTable } from '../../store/schema.ts';

type Raw = Record<string, unknown>;

/** Embedded references that make one-hop pivots (STIX 2.1 §4–5): container and sighting refs. */
const REF_LISTS = [
  'object_refs',
  'observed_data_refs',
  'where_sighted_refs',
  'sample_refs',
  'analysis_sco_refs',
] as const;
/** A report of 100,000 refs is legal STIX; the pivot index keeps the first ones only. */
const MAX_REFS = 10_000;

/**
 * The rows an object adds to the relationships index: the relationship itself for an SRO,
 * `sighting-of` for a sighting, and one row per embedded reference, with ids that let a new
 * version of the object replace them.
 */
export function relationshipsOf(o: Raw): RelationshipsTable[] {
  const id = o.id as string;
  const rows: RelationshipsTable[] = [];
  if (o.type === 'relationship' && typeof o.source_ref === 'string' && typeof o.target_ref === 'string') {
    rows.push({
      id,
      source_ref: o.source_ref,
      relationship_type: typeof o.relationship_type === 'string' ? o.relationship_type : 'related-to',
      target_ref: o.target_ref,
    });
  }
  if (o.type === 'sighting' && typeof o.sighting_of_ref === 'string') {
    rows.push({ id, source_ref: id, relationship_type: 'sighting-of', target_ref: o.sighting_of_ref });
  }
  for (const list of REF_LISTS) {
    const refs = o[list];
    if (!Array.isArray(refs)) continue;
    const type = list.replace(/_refs$/, '').replaceAll('_', '-');
    for (const ref of refs.slice(0, MAX_REFS)) {
      if (typeof ref === 'string')
        rows.push({
          id: `ref:${id}:${type}:${ref}`,
          source_ref: id,
          relationship_type: type,
          target_ref: ref,
        });
    }
  }
  return rows;
}
