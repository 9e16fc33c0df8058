import type { z } from 'zod';
import type { StixType } from '../types.ts';
import { extensionDefinitionSchema, languageContentSchema, markingDefinitionSchema } from './meta.ts';
import * as content from './sco-content.ts';
import * as host from './sco-host.ts';
import * as net from './sco-network.ts';
import * as actors from './sdo-actors.ts';
import * as analysis from './sdo-analysis.ts';
import { relationshipSchema, sightingSchema } from './sro.ts';

/** The schema of every STIX 2.1 type this module knows, by `type`. */
export const SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map<StixType, z.ZodType>([
  ['attack-pattern', actors.attackPatternSchema],
  ['campaign', actors.campaignSchema],
  ['course-of-action', actors.courseOfActionSchema],
  ['grouping', analysis.groupingSchema],
  ['identity', actors.identitySchema],
  ['incident', actors.incidentSchema],
  ['indicator', analysis.indicatorSchema],
  ['infrastructure', actors.infrastructureSchema],
  ['intrusion-set', actors.intrusionSetSchema],
  ['location', analysis.locationSchema],
  ['malware', actors.malwareSchema],
  ['malware-analysis', analysis.malwareAnalysisSchema],
  ['note', analysis.noteSchema],
  ['observed-data', analysis.observedDataSchema],
  ['opinion', analysis.opinionSchema],
  ['report', analysis.reportSchema],
  ['threat-actor', actors.threatActorSchema],
  ['tool', actors.toolSchema],
  ['vulnerability', actors.vulnerabilitySchema],
  ['relationship', relationshipSchema],
  ['sighting', sightingSchema],
  ['artifact', content.artifactSchema],
  ['autonomous-system', net.autonomousSystemSchema],
  ['directory', host.directorySchema],
  ['domain-name', net.domainNameSchema],
  ['email-addr', net.emailAddrSchema],
  ['email-message', content.emailMessageSchema],
  ['file', host.fileSchema],
  ['ipv4-addr', net.ipv4AddrSchema],
  ['ipv6-addr', net.ipv6AddrSchema],
  ['mac-addr', net.macAddrSchema],
  ['mutex', host.mutexSchema],
  ['network-traffic', net.networkTrafficSchema],
  ['process', host.processSchema],
  ['software', host.softwareSchema],
  ['url', net.urlSchema],
  ['user-account', host.userAccountSchema],
  ['windows-registry-key', host.windowsRegistryKeySchema],
  ['x509-certificate', net.x509CertificateSchema],
  ['extension-definition', extensionDefinitionSchema],
  ['language-content', languageContentSchema],
  ['marking-definition', markingDefinitionSchema],
]);
