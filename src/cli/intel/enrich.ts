import type { Command } from 'commander';
import { enrichStore, type EnrichReport } from '../../enrich/index.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';

function summary(r: EnrichReport): string[] {
  return [
    `${r.observables} values enriched in ${r.seconds}s: ${r.warninglistHits} known-benign hit(s)`,
    ...Object.entries(r.hitsByList).map(([name, n]) => `  ${String(n).padStart(8)}  ${name}`),
    `${r.ips} IP addresses and networks (${r.ipsWithoutCountry} without a country)`,
    `  countries: ${r.topCountries.map((c) => `${c.country} ${c.count}`).join(', ') || '-'}`,
    ...r.topAsns.map((a) => `  ${String(a.count).padStart(8)}  AS${a.number} ${a.organization ?? ''}`),
  ];
}

export function registerEnrichCommand(intel: Command): void {
  intel
    .command('enrich')
    .description('recompute known-benign hits of every stored value and summarize their country and ASN')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const report = await withStore(cmd, (store) => enrichStore(store));
      if (flags.json) printJson(report);
      else printLines(summary(report));
    });
}
