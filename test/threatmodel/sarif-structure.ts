/**
 * The structural requirements of SARIF 2.1.0 (OASIS sarif-schema-2.1.0.json, errata01) for the
 * objects Threatloom emits: required properties, closed property sets (the schema sets
 * `additionalProperties: false` on each), enumerations and bounds, transcribed for ajv since
 * the schema itself is not shipped with the tests.
 */
const message = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string' },
    markdown: { type: 'string' },
    id: { type: 'string' },
    arguments: { type: 'array', items: { type: 'string' } },
    properties: { type: 'object' },
  },
  anyOf: [{ required: ['text'] }, { required: ['id'] }],
};
const artifactLocation = {
  type: 'object',
  additionalProperties: false,
  properties: {
    uri: { type: 'string', format: 'uri-reference' },
    uriBaseId: { type: 'string' },
    index: { type: 'integer', minimum: -1 },
    description: message,
    properties: { type: 'object' },
  },
};
const region = {
  type: 'object',
  additionalProperties: false,
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    message,
  },
};
const logicalLocation = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    fullyQualifiedName: { type: 'string' },
    decoratedName: { type: 'string' },
    kind: { type: 'string' },
    index: { type: 'integer', minimum: -1 },
    parentIndex: { type: 'integer', minimum: -1 },
    properties: { type: 'object' },
  },
};
const location = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: -1 },
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      properties: { artifactLocation, region, contextRegion: region, properties: { type: 'object' } },
      anyOf: [{ required: ['artifactLocation'] }, { required: ['address'] }],
    },
    logicalLocations: { type: 'array', uniqueItems: true, items: logicalLocation },
    message,
    properties: { type: 'object' },
  },
};
const multiformat = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text: { type: 'string' }, markdown: { type: 'string' }, properties: { type: 'object' } },
};
const reportingDescriptor = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    shortDescription: multiformat,
    fullDescription: multiformat,
    help: multiformat,
    helpUri: { type: 'string', format: 'uri' },
    defaultConfiguration: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        level: { enum: ['none', 'note', 'warning', 'error'] },
        rank: { type: 'number', minimum: -1, maximum: 100 },
        parameters: { type: 'object' },
        properties: { type: 'object' },
      },
    },
    properties: {
      type: 'object',
      properties: { tags: { type: 'array', uniqueItems: true, items: { type: 'string' } } },
    },
  },
};
const result = {
  type: 'object',
  additionalProperties: false,
  required: ['message'],
  properties: {
    ruleId: { type: 'string' },
    ruleIndex: { type: 'integer', minimum: -1 },
    kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
    level: { enum: ['none', 'note', 'warning', 'error'] },
    message,
    locations: { type: 'array', items: location },
    partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
    fingerprints: { type: 'object', additionalProperties: { type: 'string' } },
    suppressions: {
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind'],
        properties: {
          guid: { type: 'string' },
          kind: { enum: ['inSource', 'external'] },
          status: { enum: ['accepted', 'underReview', 'rejected'] },
          justification: { type: 'string' },
          location,
          properties: { type: 'object' },
        },
      },
    },
    properties: { type: 'object' },
  },
};

export const SARIF_2_1_0_STRUCTURE = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            additionalProperties: false,
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                additionalProperties: false,
                required: ['name'],
                properties: {
                  name: { type: 'string' },
                  version: { type: 'string' },
                  semanticVersion: { type: 'string' },
                  informationUri: { type: 'string', format: 'uri' },
                  rules: { type: 'array', uniqueItems: true, items: reportingDescriptor },
                  properties: { type: 'object' },
                },
              },
            },
          },
          artifacts: {
            type: 'array',
            uniqueItems: true,
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                location: artifactLocation,
                roles: {
                  type: 'array',
                  uniqueItems: true,
                  items: {
                    enum: [
                      'analysisTarget',
                      'attachment',
                      'resultFile',
                      'tracedFile',
                      'referencedOnCommandLine',
                    ],
                  },
                },
                mimeType: { type: 'string', pattern: '[^/]+/.+' },
                properties: { type: 'object' },
              },
            },
          },
          results: { type: 'array', items: result },
          properties: { type: 'object' },
        },
      },
    },
  },
};
