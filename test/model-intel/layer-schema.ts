import { Ajv } from 'ajv';

/**
 * The ATT&CK Navigator layer format 4.5 (attack-navigator `layers/spec/v4.5/layerformat.md`)
 * as a JSON Schema: required keys, value kinds and enumerations of the properties we write.
 */
const LAYER_SCHEMA = {
  type: 'object',
  required: ['name', 'domain', 'versions'],
  properties: {
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    domain: { enum: ['enterprise-attack', 'mobile-attack', 'ics-attack'] },
    versions: {
      type: 'object',
      required: ['navigator', 'layer'],
      properties: {
        attack: { type: 'string' },
        navigator: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
        layer: { const: '4.5' },
      },
    },
    sorting: { enum: [0, 1, 2, 3] },
    hideDisabled: { type: 'boolean' },
    layout: {
      type: 'object',
      properties: {
        layout: { enum: ['side', 'flat', 'mini'] },
        showID: { type: 'boolean' },
        showName: { type: 'boolean' },
      },
    },
    techniques: {
      type: 'array',
      items: {
        type: 'object',
        required: ['techniqueID'],
        properties: {
          techniqueID: { type: 'string', pattern: '^T\\d{4}(\\.\\d{3})?$' },
          tactic: { type: 'string' },
          comment: { type: 'string' },
          enabled: { type: 'boolean' },
          score: { type: 'number' },
          color: { type: 'string' },
        },
      },
    },
    gradient: {
      type: 'object',
      required: ['colors', 'minValue', 'maxValue'],
      properties: {
        colors: { type: 'array', minItems: 2, items: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' } },
        minValue: { type: 'number' },
        maxValue: { type: 'number' },
      },
    },
    legendItems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['label', 'color'],
        properties: { label: { type: 'string' }, color: { type: 'string' } },
      },
    },
    metadata: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'value'],
        properties: { name: { type: 'string' }, value: { type: 'string' } },
      },
    },
  },
} as const;

export const validateLayer = new Ajv({ allErrors: true, strict: true }).compile(LAYER_SCHEMA);

/** Navigator ≥ 4.9.0, as the 4.5 format requires of `versions.navigator`. */
export function navigatorVersionOk(v: string): boolean {
  const [major = 0, minor = 0] = v.split('.').map(Number);
  return major > 4 || (major === 4 && minor >= 9);
}
