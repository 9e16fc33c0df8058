import { performance } from 'node:perf_hooks';
import { countWarninglistHits } from '../store/enrichment-repo.ts';
import type { Store } from '../store/store.ts';
import { ipEnricherFromEnv, type IpEnricher } from './ip-enricher.ts';
import { recomputeWarninglistHits } from './warninglist-hits.ts';

const TOP = 20;

export interface EnrichReport {
  observables: number;
  warninglistHits: number;
  hitsByList: Record<string, number>;
  /** IP addresses and networks seen, with their most frequent countries and ASNs. */
  ips: number;
  ipsWithoutCountry: number;
  topCountries: { country: string; count: number }[];
  topAsns: { number: number; organization: string | null; count: number }[];
  seconds: number;
}

function top<K>(counts: Map<K, number>): [K, number][] {
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, TOP);
}

/**
 * On-demand enrichment of the whole store: recomputes every observable's known-benign hits
 * and summarizes the geo/ASN context of its IPs (computed, not stored).
 */
export async function enrichStore(store: Store, ip: IpEnricher = ipEnricherFromEnv()): Promise<EnrichReport> {
  const started = performance.now();
  const countries = new Map<string, number>();
  const asns = new Map<number, number>();
  const orgs = new Map<number, string | null>();
  let ips = 0;
  let ipsWithoutCountry = 0;
  const scan = await recomputeWarninglistHits(store, {
    onPage: (rows) => {
      for (const r of rows) {
        const c = ip.contextOf(r.kind, r.value);
        if (!c) continue;
        ips++;
        if (c.country) countries.set(c.country, (countries.get(c.country) ?? 0) + 1);
        else ipsWithoutCountry++;
        if (c.asn) {
          asns.set(c.asn.number, (asns.get(c.asn.number) ?? 0) + 1);
          orgs.set(c.asn.number, c.asn.organization);
        }
      }
    },
  });
  return {
    observables: scan.observables,
    warninglistHits: scan.hits,
    hitsByList: await countWarninglistHits(store),
    ips,
    ipsWithoutCountry,
    topCountries: top(countries).map(([country, count]) => ({ country, count })),
    topAsns: top(asns).map(([number, count]) => ({ number, organization: orgs.get(number) ?? null, count })),
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
