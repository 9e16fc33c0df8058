import type { z } from 'zod';
import type { customObjectSchema } from './schemas/custom.ts';

/** STIX Domain Objects (STIX 2.1 §4). */
export const SDO_TYPES = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
] as const;

/** STIX Relationship Objects (STIX 2.1 §5). */
export const SRO_TYPES = ['relationship', 'sighting'] as const;

/** STIX Cyber-observable Objects (STIX 2.1 §6). */
export const SCO_TYPES = [
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
] as const;

/** STIX Meta Objects (STIX 2.1 §7). */
export const META_TYPES = ['extension-definition', 'language-content', 'marking-definition'] as const;

export const STIX_TYPES = [...SDO_TYPES, ...SRO_TYPES, ...SCO_TYPES, ...META_TYPES] as const;

export type SdoType = (typeof SDO_TYPES)[number];
export type SroType = (typeof SRO_TYPES)[number];
export type ScoType = (typeof SCO_TYPES)[number];
export type MetaType = (typeof META_TYPES)[number];
export type StixType = (typeof STIX_TYPES)[number];

const SDO_SET: ReadonlySet<string> = new Set(SDO_TYPES);
const SRO_SET: ReadonlySet<string> = new Set(SRO_TYPES);
const SCO_SET: ReadonlySet<string> = new Set(SCO_TYPES);
const ALL_SET: ReadonlySet<string> = new Set(STIX_TYPES);

export const isSdo = (type: string): type is SdoType => SDO_SET.has(type);
export const isSro = (type: string): type is SroType => SRO_SET.has(type);
export const isSco = (type: string): type is ScoType => SCO_SET.has(type);
export const isKnownStixType = (type: string): type is StixType => ALL_SET.has(type);

/**
 * Any valid STIX object: the common properties typed, every other property (type-specific,
 * custom `x_…`, MITRE `x_mitre_…`) kept as it came under the index signature.
 */
export type StixObject = z.infer<typeof customObjectSchema>;
