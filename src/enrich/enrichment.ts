import { warninglistHitsOf } from '../store/enrichment-repo.ts';
import type { Store } from '../store/store.ts';
import type { AsnInfo } from './asn-ranges.ts';
import { ipEnricherFromEnv, type IpEnricher } from './ip-enricher.ts';

/** Context of one value: country and ASN for IPs (a CIDR: its network address), known-benign hits. */
export interface Enrichment {
  country?: string | null;
  asn?: AsnInfo | null;
  warninglists: { name: string; category: string }[];
}

/**
 * The enrichment of a canonical value. Country and ASN are computed on read (a lookup in
 * memory-resident data), never stored: they would only go stale in the store.
 */
export async function enrichmentOf(
  store: Store,
  obs: { kind: string; value: string },
  ip: IpEnricher = ipEnricherFromEnv(),
): Promise<Enrichment> {
  const warninglists = await warninglistHitsOf(store, obs);
  const context = ip.contextOf(obs.kind, obs.value);
  return context ? { country: context.country, asn: context.asn, warninglists } : { warninglists };
}
