import type { RuleInput } from '../model/rule-schema.ts';
import type { ImpactCap, RiskProfile } from '../risk/profile.ts';

/** A rule of the built-in library: the rule as data plus how its threats are rated. */
export type LibraryRule = RuleInput & { risk?: RiskProfile };

const cap = (value: number, reason: string): ImpactCap => ({ value, reason });

/** Banner grabbing, scanning, footprinting: the attacker learns about the system, not its data. */
export const RECONNAISSANCE: RiskProfile = {
  cap: cap(1, 'reconnaissance: reveals technical details, not the data'),
  ignoresAuthentication: true,
};

/** Verbose errors and similar leaks of internals. */
export const INTERNALS_LEAK: RiskProfile = {
  cap: cap(2, 'reveals internals that help an attack, not the data itself'),
};

/** Findings about the model: they hide threats rather than being one. */
export const MODEL_GAP: RiskProfile = {
  cap: cap(2, 'a gap in the model or its hygiene, not an attack on the data'),
};

/** OWASP automated threats that abuse a business function at scale. */
export const AUTOMATION_ABUSE: RiskProfile = {
  cap: cap(3, 'abuse of a business function by automation: costs money or fairness, breaches no stored data'),
  ignoresAuthentication: true,
};

/** A missing layer (WAF, segmentation, least privilege): harm needs another weakness first. */
export const DEFENCE_IN_DEPTH: RiskProfile = {
  cap: cap(3, 'a missing layer of defence: it widens the damage of another weakness'),
};

/** Repudiation: the trail of who did what is lost or forged; the data itself is not changed. */
export const ACCOUNTABILITY: RiskProfile = {
  cap: cap(3, 'loses or forges the record of who did what; does not itself change the data'),
};

/** Sniffing, tampering with or spoofing traffic on a link: only links over the internet are exposed. */
export const ON_THE_LINK: RiskProfile = { vector: 'adjacent' };

/** The attacker needs the host, its code or its stored data first (offline cracking, stolen backups). */
export const LOCAL: RiskProfile = { vector: 'local' };

/** Denial of service by flooding: authentication does not stop the traffic. */
export const FLOODING: RiskProfile = { ignoresAuthentication: true };

/** Attacks on people (phishing, MFA fatigue): the target's authentication is what is attacked. */
export const SOCIAL: RiskProfile = { ignoresAuthentication: true };
