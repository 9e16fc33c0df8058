import { z } from 'zod';

/** STRIDE categories, spelled as in the analysis output contract. */
export const STRIDE = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
] as const;
export const StrideSchema = z.enum(STRIDE);
export type Stride = z.infer<typeof StrideSchema>;

/** What a rule is evaluated against: element kinds, each data flow, or each asset. */
export const RULE_TARGETS = ['actor', 'process', 'datastore', 'external-entity', 'flow', 'asset'] as const;
export const RuleTargetSchema = z.enum(RULE_TARGETS);
export type RuleTarget = z.infer<typeof RuleTargetSchema>;

export const ImpactDimensionSchema = z.enum(['C', 'I', 'A']);
export type ImpactDimension = z.infer<typeof ImpactDimensionSchema>;

const Id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}-\\d+$`));

export const SuggestedMitigationSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  /** ATT&CK mitigation ids (M10xx) where one exists. */
  attack: z.array(z.string().regex(/^M\d{4}$/)).optional(),
});

/**
 * A threat rule as data. `applies` says when the rule is relevant to a target; `missing` says
 * the protecting control is absent. Both are conditions in the rule language (see
 * src/threatmodel/conditions). Applicable with the control present gives a threat that is
 * reported as mitigated by the model's own controls.
 */
export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'rule ids are lower-case kebab-case'),
  title: z.string().min(1),
  description: z.string().optional(),
  stride: StrideSchema,
  appliesTo: z.array(RuleTargetSchema).min(1),
  applies: z.string().min(1).default('true'),
  missing: z.string().min(1).default('true'),
  cwe: z.array(Id('CWE')).default([]),
  capec: z.array(Id('CAPEC')).default([]),
  attack: z.array(z.string().regex(/^T\d{4}(\.\d{3})?$/)).default([]),
  /** Base likelihood 1 (rare) to 5 (almost certain) before exposure adjustments. */
  likelihood: z.number().int().min(1).max(5),
  impact: z.array(ImpactDimensionSchema).min(1),
  mitigations: z.array(SuggestedMitigationSchema).default([]),
  references: z.array(z.string()).default([]),
  family: z.string().optional(),
});
export type Rule = z.infer<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;
