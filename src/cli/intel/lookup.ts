import type { Command } from 'commander';
import { lookup, type LookupResult } from '../../intel/lookup.ts';
import { LOCAL_OPERATOR } from '../../store/viewer.ts';
import { printJson, printLines } from '../output.ts';
import { withStore } from '../with-store.ts';

function describe(r: LookupResult): string[] {
  const flags = r.flags.length > 0 ? ` [${r.flags.join(', ')}]` : '';
  const lines = [
    `${r.value} (${r.kind})${flags}: ${r.known ? `${r.matches.length} match(es)` : 'not known'}`,
  ];
  const context = [
    r.country ? `country ${r.country}` : '',
    r.asn ? `AS${r.asn.number} ${r.asn.organization ?? ''}`.trim() : '',
  ].filter(Boolean);
  if (context.length > 0) lines.push(`  ${context.join(', ')}`);
  for (const w of r.warninglists) lines.push(`  on warninglist ${w.name} (${w.category})`);
  for (const m of r.matches) {
    const via = m.match === 'cidr' ? ` via ${m.matchedValue}` : '';
    lines.push(`  ${m.id} ${m.type}${via}${m.revoked ? ' REVOKED' : ''} TLP:${m.tlp.toUpperCase()}`);
    for (const s of m.sources) {
      lines.push(
        `    source ${s.source} (${s.reliability ?? '-'}) first ${s.firstSeen} last ${s.lastSeen} ×${s.timesSeen}`,
      );
    }
    const { actors, targeting } = m.context;
    if (actors.length > 0)
      lines.push(`    behind it: ${actors.map((a) => `${a.type} ${a.name ?? a.id}`).join(', ')}`);
    if (targeting.length > 0) lines.push(`    RELEVANT: targets the organization (${targeting.join(', ')})`);
    for (const rel of m.related)
      lines.push(
        `    ${rel.direction === 'out' ? '→' : '←'} ${rel.relationship} ${rel.type} ${rel.name ?? rel.id}`,
      );
  }
  return lines;
}

export function registerLookupCommand(intel: Command): void {
  intel
    .command('lookup')
    .description(
      'look a value up, in any spelling (defanged, upper-case, long IPv6, IDN); an IP finds its CIDRs',
    )
    .argument('<value>')
    .option('--json', 'print the result as JSON')
    .action(async (value: string, flags: { json?: boolean }, cmd: Command) => {
      const result = await withStore(cmd, (store) => lookup(store, LOCAL_OPERATOR, value));
      if (flags.json) printJson(result);
      else printLines(describe(result));
    });
}
