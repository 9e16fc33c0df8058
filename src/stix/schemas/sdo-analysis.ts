import { z } from 'zod';
import { all, anyOf, CREATED_MODIFIED, ordered, sdoCommon } from './common.ts';
import { list, ref, strings, timestamp } from './primitives.ts';
import { killChainPhase } from './structures.ts';
import { META_TYPES, SDO_TYPES } from '../types.ts';

const checkCreated = ordered([CREATED_MODIFIED]);
const objectRefs = list(ref());

/** §4.4 */
export const groupingSchema = z
  .looseObject({
    ...sdoCommon('grouping'),
    name: z.string().optional(),
    description: z.string().optional(),
    context: z.string(),
    object_refs: objectRefs,
  })
  .superRefine(checkCreated);

/** §4.7: `valid_until` must be later than `valid_from`. */
export const indicatorSchema = z
  .looseObject({
    ...sdoCommon('indicator'),
    name: z.string().optional(),
    description: z.string().optional(),
    indicator_types: strings.optional(),
    pattern: z.string(),
    pattern_type: z.string(),
    pattern_version: z.string().optional(),
    valid_from: timestamp,
    valid_until: timestamp.optional(),
    kill_chain_phases: list(killChainPhase).optional(),
  })
  .superRefine(ordered([CREATED_MODIFIED, ['valid_from', 'valid_until', true]]));

/** §4.10: a region, a country or a latitude/longitude pair; precision needs coordinates. */
export const locationSchema = z
  .looseObject({
    ...sdoCommon('location'),
    name: z.string().optional(),
    description: z.string().optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    precision: z.number().optional(),
    region: z.string().optional(),
    country: z.string().optional(),
    administrative_area: z.string().optional(),
    city: z.string().optional(),
    street_address: z.string().optional(),
    postal_code: z.string().optional(),
  })
  .superRefine(
    all(checkCreated, anyOf(['region', 'country', 'latitude']), (o, ctx) => {
      if ((o.latitude === undefined) !== (o.longitude === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'latitude and longitude must be given together' });
      } else if (o.precision !== undefined && o.latitude === undefined) {
        ctx.addIssue({ code: 'custom', path: ['precision'], message: 'needs latitude and longitude' });
      }
    }),
  );

/** §4.12 */
export const malwareAnalysisSchema = z
  .looseObject({
    ...sdoCommon('malware-analysis'),
    product: z.string(),
    version: z.string().optional(),
    host_vm_ref: ref({ only: ['software'] }).optional(),
    operating_system_ref: ref({ only: ['software'] }).optional(),
    installed_software_refs: list(ref({ only: ['software'] })).optional(),
    configuration_version: z.string().optional(),
    modules: strings.optional(),
    analysis_engine_version: z.string().optional(),
    analysis_definition_version: z.string().optional(),
    submitted: timestamp.optional(),
    analysis_started: timestamp.optional(),
    analysis_ended: timestamp.optional(),
    result_name: z.string().optional(),
    result: z.string().optional(),
    analysis_sco_refs: objectRefs.optional(),
    sample_ref: ref({ only: ['file', 'network-traffic', 'artifact'] }).optional(),
  })
  .superRefine(
    all(
      ordered([CREATED_MODIFIED, ['analysis_started', 'analysis_ended']]),
      anyOf(['result', 'analysis_sco_refs']),
    ),
  );

/** §4.13 */
export const noteSchema = z
  .looseObject({
    ...sdoCommon('note'),
    abstract: z.string().optional(),
    content: z.string(),
    authors: strings.optional(),
    object_refs: objectRefs,
  })
  .superRefine(checkCreated);

/** §4.14: SCO and SRO references; exactly one of `objects` (deprecated) and `object_refs`. */
export const observedDataSchema = z
  .looseObject({
    ...sdoCommon('observed-data'),
    first_observed: timestamp,
    last_observed: timestamp,
    number_observed: z.int().min(1).max(999_999_999),
    objects: z.record(z.string(), z.unknown()).optional(),
    object_refs: list(ref({ not: [...SDO_TYPES, ...META_TYPES, 'bundle'] })).optional(),
  })
  .superRefine(
    all(ordered([CREATED_MODIFIED, ['first_observed', 'last_observed']]), (o, ctx) => {
      if ((o.objects === undefined) === (o.object_refs === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'needs exactly one of objects and object_refs' });
      }
    }),
  );

/** §4.15 */
export const opinionSchema = z
  .looseObject({
    ...sdoCommon('opinion'),
    explanation: z.string().optional(),
    authors: strings.optional(),
    opinion: z.enum(['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree']),
    object_refs: objectRefs,
  })
  .superRefine(checkCreated);

/** §4.16 */
export const reportSchema = z
  .looseObject({
    ...sdoCommon('report'),
    name: z.string(),
    description: z.string().optional(),
    report_types: strings.optional(),
    published: timestamp,
    object_refs: objectRefs,
  })
  .superRefine(checkCreated);

export type Indicator = z.infer<typeof indicatorSchema>;
export type Report = z.infer<typeof reportSchema>;
export type ObservedData = z.infer<typeof observedDataSchema>;
