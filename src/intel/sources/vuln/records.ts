import type { FactsUpdate } from '../../../store/vulnerability-facts-repo.ts';
import type { Weakness } from '../../../store/weaknesses-repo.ts';
import type { ItemLocation, RejectRecord } from '../../source.ts';

/**
 * What a vulnerability feed says of one CVE: the facts it updates and, for feeds that describe
 * the CVE (KEV, CVE records), what its STIX `vulnerability` object carries.
 */
export interface VulnRecord {
  kind: 'vuln';
  update: FactsUpdate;
  stix?: { description?: string; modified: string };
  location: ItemLocation;
}

export interface WeaknessRecord {
  kind: 'weakness';
  weakness: Weakness;
  location: ItemLocation;
}

/** A property of the whole feed (the EPSS model version). */
export interface MetaRecord {
  kind: 'meta';
  key: string;
  value: string;
  location: ItemLocation;
}

export type KnowledgeRecord = VulnRecord | WeaknessRecord | MetaRecord | RejectRecord;

export function reject(message: string, location: ItemLocation): RejectRecord {
  return { kind: 'reject', message, location };
}
