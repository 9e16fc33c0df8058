/**
 * The names a condition may use. Checked when a condition is parsed, so a misspelt property or
 * function is an error naming its column instead of a rule that silently never fires.
 */
const ELEMENT_FIELDS = [
  'id',
  'name',
  'kind',
  'type',
  'technologies',
  'internetFacing',
  'authentication',
  'authStrength',
  'authorization',
  'encryptionAtRest',
  'encrypted',
  'inputValidation',
  'outputEncoding',
  'logging',
  'multiTenant',
  'privilege',
  'machine',
  'customDeveloped',
  'redundant',
  'dataFormats',
  'data',
  'controls',
  'tags',
  'properties',
  'confidentiality',
  'integrity',
  'availability',
  'criticality',
  'outOfScope',
];
const FLOW_FIELDS = [
  'id',
  'name',
  'protocol',
  'port',
  'encrypted',
  'authentication',
  'authStrength',
  'vpn',
  'readonly',
  'usage',
  'data',
  'controls',
  'tags',
  'properties',
  'bidirectional',
  'confidentiality',
  'integrity',
  'availability',
  'criticality',
  'outOfScope',
];
const ASSET_FIELDS = [
  'id',
  'name',
  'kind',
  'confidentiality',
  'integrity',
  'availability',
  'criticality',
  'data',
  'tags',
];

/** Roots and their fields; `properties` accepts any sub-key (free-form model properties). */
export const ROOTS: Readonly<Record<string, ReadonlySet<string>>> = {
  element: new Set(ELEMENT_FIELDS),
  source: new Set(ELEMENT_FIELDS),
  destination: new Set(ELEMENT_FIELDS),
  flow: new Set(FLOW_FIELDS),
  asset: new Set(ASSET_FIELDS),
  model: new Set(['complianceScopes', 'riskAppetite']),
};

/**
 * Functions with their arity. Relation functions take an optional leading subject (`element`,
 * `flow`, `source`, `destination`); without it they apply to the rule's current target.
 */
export const FUNCTIONS: Readonly<Record<string, { min: number; max: number; subject: boolean }>> = {
  isType: { min: 1, max: 16, subject: true },
  hasTechnology: { min: 1, max: 16, subject: true },
  hasControl: { min: 1, max: 16, subject: true },
  handles: { min: 1, max: 16, subject: true },
  inBoundaryType: { min: 1, max: 16, subject: true },
  crossesTrustBoundary: { min: 0, max: 0, subject: true },
  crossesBoundaryType: { min: 1, max: 16, subject: true },
  reachableFromInternet: { min: 0, max: 0, subject: true },
  reachesStoreWith: { min: 1, max: 16, subject: true },
  calledBy: { min: 1, max: 16, subject: true },
  connectsTo: { min: 1, max: 16, subject: true },
  incomingCrossesBoundary: { min: 0, max: 0, subject: true },
  incomingWithAuth: { min: 1, max: 16, subject: true },
  hasIncomingProtocol: { min: 1, max: 16, subject: true },
  hasOutgoingProtocol: { min: 1, max: 16, subject: true },
  coLocatedWith: { min: 1, max: 16, subject: true },
  coLocatedWithNon: { min: 1, max: 16, subject: true },
  degree: { min: 0, max: 0, subject: true },
  modelHas: { min: 1, max: 16, subject: false },
  assetUsed: { min: 0, max: 0, subject: false },
  count: { min: 1, max: 1, subject: false },
  containsAny: { min: 2, max: 2, subject: false },
};

/** Roots that can stand as the subject of a relation function. */
export const SUBJECT_ROOTS: ReadonlySet<string> = new Set(['element', 'flow', 'source', 'destination']);
