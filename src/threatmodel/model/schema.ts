import { z } from 'zod';
import { RuleSchema, StrideSchema } from './rule-schema.ts';

/**
 * The Threatloom model document (YAML or JSON). One schema; the TypeScript type and the
 * published JSON Schema are derived from it. Objects are strict so that a misspelt security
 * property is an error rather than a silently missing control.
 */

/** Ids are free strings, kept exactly as in the source file (imported UUIDs, GUIDs, slugs). */
const IdSchema = z.string().min(1).max(512);
const Rating = z.number().int().min(1).max(5);

export const BANDS = ['low', 'medium', 'high', 'critical'] as const;
export const BandSchema = z.enum(BANDS);
export type Band = z.infer<typeof BandSchema>;

export const DATA_CATEGORIES = [
  'credentials',
  'pii',
  'card-data',
  'secrets',
  'health',
  'financial',
  'session-tokens',
  'source-code',
  'logs',
  'business',
  'public',
] as const;
export const DataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategorySchema>;

export const AUTHENTICATION = [
  'none',
  'password',
  'api-key',
  'token',
  'sso',
  'certificate',
  'mfa',
  'unknown',
] as const;
export const AuthenticationSchema = z.enum(AUTHENTICATION);
export type Authentication = z.infer<typeof AuthenticationSchema>;

export const AssetSchema = z.strictObject({
  id: IdSchema,
  name: z.string().optional(),
  description: z.string().optional(),
  kind: z.enum(['data', 'function']).default('data'),
  /** Ratings 1 (negligible) to 5 (severe) of a breach of each property. */
  confidentiality: Rating.default(3),
  integrity: Rating.default(3),
  availability: Rating.default(3),
  /** Business criticality 1–5; defaults to the highest of C, I, A. */
  criticality: Rating.optional(),
  data: z.array(DataCategorySchema).optional(),
  tags: z.array(z.string()).optional(),
});
export type Asset = z.infer<typeof AssetSchema>;

export const ObjectivesSchema = z.strictObject({
  businessContext: z.string().optional(),
  complianceScopes: z.array(z.string()).default([]),
  /** The highest risk band accepted without sign-off; `model check` fails above it. */
  riskAppetite: BandSchema.default('medium'),
});

export const TechnologySchema = z.union([
  z.string().min(1),
  z.strictObject({
    name: z.string().min(1),
    version: z.string().optional(),
    cpe: z.string().optional(),
    purl: z.string().optional(),
  }),
]);
export type Technology = z.infer<typeof TechnologySchema>;

const Props = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

export const ELEMENT_KINDS = ['actor', 'process', 'datastore', 'external-entity'] as const;

export const ElementSchema = z.strictObject({
  id: IdSchema,
  name: z.string().optional(),
  kind: z.enum(ELEMENT_KINDS),
  /** Sub-type rules key on, e.g. human, web-application, api, database, vault, build-pipeline. */
  type: z.string().optional(),
  description: z.string().optional(),
  technologies: z.array(TechnologySchema).optional(),
  internetFacing: z.boolean().optional(),
  authentication: AuthenticationSchema.optional(),
  authorization: z
    .enum(['none', 'technical-user', 'role-based', 'attribute-based', 'enduser-identity'])
    .optional(),
  encryptionAtRest: z.enum(['none', 'transparent', 'application', 'enduser-key']).optional(),
  inputValidation: z.boolean().optional(),
  outputEncoding: z.boolean().optional(),
  logging: z.enum(['none', 'local', 'centralized', 'tamper-evident']).optional(),
  multiTenant: z.boolean().optional(),
  privilege: z.enum(['unprivileged', 'user', 'elevated', 'root']).optional(),
  machine: z.enum(['physical', 'virtual', 'container', 'serverless']).optional(),
  customDeveloped: z.boolean().optional(),
  redundant: z.boolean().optional(),
  /** Data formats accepted as input: json, xml, yaml, serialization, file, … */
  dataFormats: z.array(z.string()).optional(),
  data: z.array(DataCategorySchema).optional(),
  assetsProcessed: z.array(IdSchema).optional(),
  assetsStored: z.array(IdSchema).optional(),
  /** Controls in place, as tags rules test: waf, rate-limiting, csrf-token, parameterized-queries… */
  controls: z.array(z.string()).optional(),
  outOfScope: z.boolean().optional(),
  outOfScopeReason: z.string().optional(),
  tags: z.array(z.string()).optional(),
  properties: Props.optional(),
});
export type Element = z.infer<typeof ElementSchema>;
export type ElementKind = Element['kind'];

export const DataFlowSchema = z.strictObject({
  id: IdSchema,
  name: z.string().optional(),
  source: IdSchema,
  destination: IdSchema,
  protocol: z.string().optional(),
  port: z.number().int().min(0).max(65535).optional(),
  encrypted: z.boolean().optional(),
  authentication: AuthenticationSchema.optional(),
  vpn: z.boolean().optional(),
  readonly: z.boolean().optional(),
  usage: z.enum(['business', 'devops']).optional(),
  data: z.array(DataCategorySchema).optional(),
  assets: z.array(IdSchema).optional(),
  bidirectional: z.boolean().optional(),
  controls: z.array(z.string()).optional(),
  outOfScope: z.boolean().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  properties: Props.optional(),
});
export type DataFlow = z.infer<typeof DataFlowSchema>;

export const BOUNDARY_TYPES = [
  'internet',
  'dmz',
  'internal-network',
  'cloud-account',
  'cloud-network',
  'third-party',
  'container-namespace',
  'execution-environment',
  'physical',
  'other',
] as const;

export const TrustBoundarySchema = z.strictObject({
  id: IdSchema,
  name: z.string().optional(),
  type: z.enum(BOUNDARY_TYPES).default('other'),
  /** Enclosing boundary; nesting must not form a cycle. */
  parent: IdSchema.optional(),
  /** Ids of the elements directly inside this boundary. */
  elements: z.array(IdSchema).default([]),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
});
export type TrustBoundary = z.infer<typeof TrustBoundarySchema>;

export const MITIGATION_STATUSES = ['proposed', 'planned', 'implemented', 'verified', 'rejected'] as const;

export const MitigationSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1),
  description: z.string().optional(),
  status: z.enum(MITIGATION_STATUSES).default('proposed'),
  /** Share of the risk removed: 0–1, or low (0.3) / medium (0.6) / high (0.9). */
  effectiveness: z.union([z.number().min(0).max(1), z.enum(['low', 'medium', 'high'])]).default('medium'),
  owner: z.string().optional(),
  /** Threat ids this mitigation addresses; `*` matches any run of characters. */
  threats: z.array(z.string().min(1)).default([]),
  attack: z.array(z.string().regex(/^M\d{4}$/)).optional(),
  due: z.string().optional(),
  ticket: z.string().optional(),
});
export type Mitigation = z.infer<typeof MitigationSchema>;

const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date (YYYY-MM-DD)');

export const DecisionSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('accepted'),
    justification: z.string().min(1),
    by: z.string().min(1),
    expires: DateText.optional(),
    date: DateText.optional(),
  }),
  z.strictObject({
    status: z.literal('false-positive'),
    reason: z.string().min(1),
    by: z.string().optional(),
    date: DateText.optional(),
  }),
  z.strictObject({
    status: z.literal('transferred'),
    to: z.string().min(1),
    justification: z.string().optional(),
    by: z.string().optional(),
    date: DateText.optional(),
  }),
  z.strictObject({
    status: z.literal('mitigated'),
    justification: z.string().optional(),
    by: z.string().optional(),
    date: DateText.optional(),
  }),
]);
export type Decision = z.infer<typeof DecisionSchema>;

export const THREAT_STATUSES = [
  'open',
  'mitigated',
  'accepted',
  'false-positive',
  'transferred',
  'not-applicable',
] as const;
export const ThreatStatusSchema = z.enum(THREAT_STATUSES);
export type ThreatStatus = z.infer<typeof ThreatStatusSchema>;

/** A threat the model file already carries (written by hand or imported from another tool). */
export const ModelThreatSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1),
  stride: StrideSchema.optional(),
  elementIds: z.array(IdSchema).default([]),
  status: ThreatStatusSchema.default('open'),
  severity: BandSchema.optional(),
  likelihood: Rating.optional(),
  impact: Rating.optional(),
  description: z.string().optional(),
  mitigation: z.string().optional(),
  ruleId: z.string().optional(),
  cwe: z.array(z.string()).optional(),
  capec: z.array(z.string()).optional(),
  attack: z.array(z.string()).optional(),
  /** Tool the threat came from, e.g. threat-dragon, otm, threagile, tm7. */
  source: z.string().optional(),
});
export type ModelThreat = z.infer<typeof ModelThreatSchema>;

export const SuppressionSchema = z.strictObject({
  ruleId: z.string().min(1),
  /** Element or flow id; absent means every target of the rule. */
  elementId: IdSchema.optional(),
  reason: z.string().min(1),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

/** Rows are likelihood 1–5, columns impact 1–5. */
export const RiskMatrixSchema = z.array(z.array(BandSchema).length(5)).length(5);
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;

export const ModelSchema = z.strictObject({
  version: z.string().default('1'),
  title: z.string().min(1),
  description: z.string().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  objectives: ObjectivesSchema.default({ complianceScopes: [], riskAppetite: 'medium' }),
  assets: z.array(AssetSchema).default([]),
  elements: z.array(ElementSchema).default([]),
  dataFlows: z.array(DataFlowSchema).default([]),
  trustBoundaries: z.array(TrustBoundarySchema).default([]),
  mitigations: z.array(MitigationSchema).default([]),
  /** Decisions keyed by stable threat id (`*` wildcards allowed). */
  decisions: z.record(z.string().min(1), DecisionSchema).default({}),
  threats: z.array(ModelThreatSchema).default([]),
  rules: z.array(RuleSchema).default([]),
  suppressions: z.array(SuppressionSchema).default([]),
  riskMatrix: RiskMatrixSchema.optional(),
});

export type ThreatModel = z.infer<typeof ModelSchema>;
/** The document as written, before defaults are filled in (what importers may produce). */
export type ThreatModelInput = z.input<typeof ModelSchema>;
