import type { LibraryRule } from '../profiles.ts';
import { OWASP_CS, m } from '../snippets.ts';

/**
 * STRIDE-per-element threats Threat Dragon proposes by element type that no specific rule
 * above covers: tampering with a process's input, tampering with and denial of a store.
 */
export const STRIDE_PER_ELEMENT_RULES: LibraryRule[] = [
  {
    id: 'process-input-tampering',
    title: 'Tampering with a process through unvalidated input',
    stride: 'tampering',
    appliesTo: ['process'],
    applies: 'element.customDeveloped and degree() > 0',
    missing: "not element.inputValidation and not hasControl('schema-validation')",
    cwe: ['CWE-20'],
    capec: ['CAPEC-153'],
    attack: ['T1190'],
    likelihood: 3,
    impact: ['I'],
    mitigations: [m('Validate all input against an allow-list schema at the boundary', 'M1013')],
    references: [OWASP_CS('Input_Validation')],
  },
  {
    id: 'datastore-tampering',
    title: 'Unauthorized modification of stored data',
    stride: 'tampering',
    appliesTo: ['datastore'],
    applies: "element.integrity >= 3 or handles('financial', 'card-data', 'credentials', 'health')",
    missing: "element.authorization in ['none', 'unknown'] and not hasControl('integrity-check')",
    cwe: ['CWE-284', 'CWE-345'],
    capec: ['CAPEC-165'],
    attack: ['T1565.001'],
    likelihood: 2,
    impact: ['I'],
    mitigations: [m('Authorize writes per caller; checksums or signatures on critical records', 'M1022')],
    references: [OWASP_CS('Database_Security')],
  },
  {
    id: 'memory-corruption',
    title: 'Memory corruption in native code handling untrusted input',
    stride: 'elevation-of-privilege',
    appliesTo: ['process'],
    applies: "hasTechnology('c', 'c++', 'native') and reachableFromInternet()",
    missing: "not hasControl('fuzzing', 'memory-safe-language', 'sandbox')",
    cwe: ['CWE-119'],
    capec: ['CAPEC-100'],
    attack: ['T1203', 'T1190'],
    likelihood: 2,
    impact: ['C', 'I', 'A'],
    mitigations: [m('Fuzz the parsers, enable exploit mitigations, sandbox the process', 'M1050', 'M1048')],
    references: ['https://cwe.mitre.org/data/definitions/119.html'],
  },
];
