import { z } from 'zod';
import { CREATED_MODIFIED, ordered, sdoCommon } from './common.ts';
import { list, ref, timestamp } from './primitives.ts';

/** Objects that relationships and sightings may not point at (§5.1, §5.2). */
const NOT_RELATABLE = ['relationship', 'sighting', 'bundle', 'marking-definition', 'language-content'];

/** §5.1: `stop_time` must be later than `start_time`. */
export const relationshipSchema = z
  .looseObject({
    ...sdoCommon('relationship'),
    relationship_type: z
      .string()
      .regex(/^[a-z0-9-]+$/, { message: 'must be lowercase letters, digits and hyphens' }),
    description: z.string().optional(),
    source_ref: ref({ not: NOT_RELATABLE }),
    target_ref: ref({ not: NOT_RELATABLE }),
    start_time: timestamp.optional(),
    stop_time: timestamp.optional(),
  })
  .superRefine(ordered([CREATED_MODIFIED, ['start_time', 'stop_time', true]]));

/** §5.2 */
export const sightingSchema = z
  .looseObject({
    ...sdoCommon('sighting'),
    description: z.string().optional(),
    first_seen: timestamp.optional(),
    last_seen: timestamp.optional(),
    count: z.int().min(0).max(999_999_999).optional(),
    sighting_of_ref: ref({ not: NOT_RELATABLE }),
    observed_data_refs: list(ref({ only: ['observed-data'] })).optional(),
    where_sighted_refs: list(ref({ only: ['identity', 'location'] })).optional(),
    summary: z.boolean().optional(),
  })
  .superRefine(ordered([CREATED_MODIFIED, ['first_seen', 'last_seen']]));

export type Relationship = z.infer<typeof relationshipSchema>;
export type Sighting = z.infer<typeof sightingSchema>;
