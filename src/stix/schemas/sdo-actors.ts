import { z } from 'zod';
import { all, CREATED_MODIFIED, ordered, sdoCommon } from './common.ts';
import { list, ref, strings, timestamp } from './primitives.ts';
import { killChainPhase } from './structures.ts';

const checkCreated = ordered([CREATED_MODIFIED]);
const checkSeen = ordered([CREATED_MODIFIED, ['first_seen', 'last_seen']]);
const killChainPhases = list(killChainPhase);
const seen = { first_seen: timestamp.optional(), last_seen: timestamp.optional() };

/** §4.1 */
export const attackPatternSchema = z
  .looseObject({
    ...sdoCommon('attack-pattern'),
    name: z.string(),
    description: z.string().optional(),
    aliases: z.array(z.string()).optional(),
    kill_chain_phases: killChainPhases.optional(),
  })
  .superRefine(checkCreated);

/** §4.2 */
export const campaignSchema = z
  .looseObject({
    ...sdoCommon('campaign'),
    name: z.string(),
    description: z.string().optional(),
    aliases: strings.optional(),
    ...seen,
    objective: z.string().optional(),
  })
  .superRefine(checkSeen);

/** §4.3 */
export const courseOfActionSchema = z
  .looseObject({ ...sdoCommon('course-of-action'), name: z.string(), description: z.string().optional() })
  .superRefine(checkCreated);

/** §4.5 */
export const identitySchema = z
  .looseObject({
    ...sdoCommon('identity'),
    name: z.string(),
    description: z.string().optional(),
    roles: strings.optional(),
    identity_class: z.string().optional(),
    sectors: strings.optional(),
    contact_information: z.string().optional(),
  })
  .superRefine(checkCreated);

/** §4.6 */
export const incidentSchema = z
  .looseObject({ ...sdoCommon('incident'), name: z.string(), description: z.string().optional() })
  .superRefine(checkCreated);

/** §4.8 */
export const infrastructureSchema = z
  .looseObject({
    ...sdoCommon('infrastructure'),
    name: z.string(),
    description: z.string().optional(),
    infrastructure_types: strings.optional(),
    aliases: strings.optional(),
    kill_chain_phases: killChainPhases.optional(),
    ...seen,
  })
  .superRefine(checkSeen);

/** §4.9 */
export const intrusionSetSchema = z
  .looseObject({
    ...sdoCommon('intrusion-set'),
    name: z.string(),
    description: z.string().optional(),
    aliases: strings.optional(),
    ...seen,
    goals: strings.optional(),
    resource_level: z.string().optional(),
    primary_motivation: z.string().optional(),
    secondary_motivations: strings.optional(),
  })
  .superRefine(checkSeen);

/** §4.11: a family (`is_family: true`) must be named. */
export const malwareSchema = z
  .looseObject({
    ...sdoCommon('malware'),
    name: z.string().optional(),
    description: z.string().optional(),
    malware_types: strings.optional(),
    is_family: z.boolean(),
    aliases: strings.optional(),
    kill_chain_phases: killChainPhases.optional(),
    ...seen,
    operating_system_refs: list(ref({ only: ['software'] })).optional(),
    architecture_execution_envs: strings.optional(),
    implementation_languages: strings.optional(),
    capabilities: strings.optional(),
    sample_refs: list(ref({ only: ['file', 'artifact'] })).optional(),
  })
  .superRefine(
    all(checkSeen, (o, ctx) => {
      if (o.is_family === true && o.name === undefined) {
        ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required when is_family is true' });
      }
    }),
  );

/** §4.17 */
export const threatActorSchema = z
  .looseObject({
    ...sdoCommon('threat-actor'),
    name: z.string(),
    description: z.string().optional(),
    threat_actor_types: strings.optional(),
    aliases: strings.optional(),
    ...seen,
    roles: strings.optional(),
    goals: strings.optional(),
    sophistication: z.string().optional(),
    resource_level: z.string().optional(),
    primary_motivation: z.string().optional(),
    secondary_motivations: strings.optional(),
    personal_motivations: strings.optional(),
  })
  .superRefine(checkSeen);

/** §4.18 */
export const toolSchema = z
  .looseObject({
    ...sdoCommon('tool'),
    name: z.string(),
    description: z.string().optional(),
    tool_types: strings.optional(),
    aliases: strings.optional(),
    kill_chain_phases: killChainPhases.optional(),
    tool_version: z.string().optional(),
  })
  .superRefine(checkCreated);

/** §4.19 */
export const vulnerabilitySchema = z
  .looseObject({ ...sdoCommon('vulnerability'), name: z.string(), description: z.string().optional() })
  .superRefine(checkCreated);

export type Malware = z.infer<typeof malwareSchema>;
export type AttackPattern = z.infer<typeof attackPatternSchema>;
