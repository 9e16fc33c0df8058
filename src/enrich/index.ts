/**
 * Enrichment: offline country and ASN of IP addresses, known-benign lists in the MISP
 * warninglist format with hits recorded on observables, and the on-demand pass over the store.
 */
export type { AsnInfo } from './asn-ranges.ts';
export { createIpEnricher, ipEnricherFromEnv } from './ip-enricher.ts';
export type { IpContext, IpEnricher, IpEnricherOptions } from './ip-enricher.ts';
export { enrichmentOf, type Enrichment } from './enrichment.ts';
export { enrichStore, type EnrichReport } from './enrich-store.ts';
export { enrichObservableRows, recomputeWarninglistHits } from './warninglist-hits.ts';
export { loadWarninglists, type LoadWarninglistsResult } from './warninglists/load-lists.ts';
export { WarninglistMatcher, type WarninglistHit } from './warninglists/matcher.ts';
export { warninglistMatcher } from './warninglists/matcher-cache.ts';
export { readWarninglistFiles } from './warninglists/read-lists.ts';
export { compileRegexEntry } from './warninglists/regex-entry.ts';
