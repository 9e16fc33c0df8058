/** Vulnerability, weakness and ATT&CK knowledge, and the organization profile. */
export { isCurrent, ownExternalId, type AttackObject } from './attack-object.ts';
export { cpeMatches, cpeOverlaps, isCpe, parseCpe, type Cpe } from './cpe.ts';
export { currentTechnique, type CurrentResolution } from './current-technique.ts';
export { ensureExternalRefs } from './external-index.ts';
export { findAttackObjects, type AttackMatch } from './find-attack.ts';
export {
  ingestKnowledge,
  type IngestKnowledgeOptions,
  type KnowledgeIngestResult,
} from './ingest-knowledge.ts';
export {
  capecsOfTechnique,
  capecsOfWeakness,
  techniquesOfCapec,
  weaknessesOfCapec,
  type KnowledgeLink,
} from './links.ts';
export {
  addTechnologies,
  getOrgProfile,
  setOrgProfile,
  type OrgProfile,
  type OrgProfileUpdate,
} from './org-profile.ts';
export { isPurl, parsePurl, type Purl } from './purl.ts';
export { relatedCurrent } from './related-current.ts';
export { sbomTechnologies, type SbomTechnologies } from './sbom.ts';
export { vulnerabilitiesForTechnology, type TechnologyVulnerability } from './vulns-for-technology.ts';
export { vulnerabilityId, vulnerabilityObject } from './vulnerability-object.ts';
export { COUNTRIES, INDUSTRY_SECTORS, REGIONS } from './vocabularies.ts';
