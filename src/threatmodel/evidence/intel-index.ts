import type { ActorActivity } from './intel-queries.ts';
import type { Rule } from '../model/rule-schema.ts';

/** A group, campaign or threat actor that targets the organization's sectors, countries or regions. */
export interface IntelActor {
  id: string;
  type: string;
  name: string;
  /** The profile's sectors, countries and regions it targets. */
  targeting: string[];
  /** The object's own STIX `last_seen`, if any. */
  lastSeen: string | null;
  activity: ActorActivity;
}

export interface IntelTechnique {
  id: string;
  externalId: string;
  name: string;
  platforms: string[];
  tactics: string[];
}

/** A CVE on a technology of the model that is in KEV or above the EPSS threshold. */
export interface NotableCve {
  cve: string;
  kev: boolean;
  epss: number | null;
  cwes: string[];
}

/** Everything the synchronous evidence reads, gathered once before analysis. */
export interface IntelIndex {
  asOf: Date;
  recentDays: number;
  /** Rule technique id → the current ATT&CK id standing for it. */
  resolved: Map<string, string>;
  actors: IntelActor[];
  /** ATT&CK id → relevant actors using it (a parent id also lists its sub-techniques' users). */
  usedBy: Map<string, { actor: IntelActor; technique: IntelTechnique }[]>;
  /** The current techniques the relevant actors use. */
  techniques: IntelTechnique[];
  /** Technology name (lower case, as elements name it) → its notable CVEs. */
  cves: Map<string, NotableCve[]>;
}

export interface IntelOptions {
  /** Rule library the analysis will use (default: the built-in one; the model's rules are added). */
  rules?: readonly Rule[];
  /** The date recency is judged against (default: now). */
  asOf?: Date;
  /** A group seen or sighted within this many days counts as recently active (default 90). */
  recentDays?: number;
  /** EPSS probability from which a CVE counts as likely exploited (default 0.5). */
  epssThreshold?: number;
}
