import type { DataCategory } from '../model/schema.ts';

/** A ceiling on a threat's impact, with the reason listed among the rating's factors. */
export interface ImpactCap {
  value: number;
  reason: string;
}

/**
 * How a library rule's threats are rated beyond its base likelihood and impact dimensions: what
 * the threat can actually harm and which exposure makes it likelier. A rule without a profile is
 * rated from the dimensions and assets alone.
 */
export interface RiskProfile {
  /** Data the threat reaches: only the touched assets holding these categories set the impact. */
  data?: readonly DataCategory[];
  /** The most harm the threat can do by itself, whatever the assets are worth. */
  cap?: ImpactCap;
  /** The attack happens before or around authentication, so strong authentication does not make it rarer. */
  ignoresAuthentication?: boolean;
  /**
   * Where the attacker must be, as in CVSS: `network` (the default) reaches the target through
   * its interfaces, so internet exposure makes it likelier; `adjacent` attacks the link itself
   * (sniffing, tampering, spoofing the caller), so only a link over the internet is exposed and an
   * internal one needs a foothold; `local` needs the host, its code or its data first, so internet
   * exposure does not count. Both imply ignoresAuthentication.
   */
  vector?: 'network' | 'adjacent' | 'local';
}
