import type { CorrelationResult } from './correlate.ts';
import type { GraphNode } from './types.ts';

function label(n: GraphNode | undefined, id: string): string {
  if (!n) return id;
  const ext = n.externalId && n.externalId !== n.name ? `${n.externalId} ` : '';
  const aliases = n.aliases.filter((a) => a !== n.name);
  return `${ext}${n.name ?? n.id} (${n.type})${aliases.length > 0 ? ` aka ${aliases.join(', ')}` : ''}`;
}

/** The human form of a correlation: one block per chain, one line per hop with its evidence. */
export function formatCorrelation(r: CorrelationResult): string[] {
  const lines = r.subjects.map((s) => (s.name ? `${label(s, s.id)} ${s.id}` : `${s.id} (${s.type})`));
  for (const x of r.replaced) lines.push(`  (${x.revoked} is revoked; shown: ${x.by})`);
  for (const chain of r.chains) {
    lines.push('', chain.name);
    for (const [i, step] of chain.steps.entries()) {
      lines.push(`  ${step.label} (${new Set(step.hops.map((h) => h.to)).size})`);
      for (const h of step.hops) {
        const arrow = h.relationship.direction === 'out' ? '→' : '←';
        const from = r.nodes[h.from];
        const via = i > 0 && from ? ` from ${from.externalId ?? from.name ?? h.from}` : '';
        const src = h.sources.length > 0 ? ` [${h.sources.join(', ')}]` : '';
        const repl = h.replaced ? ` (replaces revoked ${h.replaced})` : '';
        lines.push(`    ${arrow} ${h.relationship.type} ${label(r.nodes[h.to], h.to)}${via}${src}${repl}`);
      }
    }
    for (const t of chain.truncated)
      lines.push(`  TRUNCATED at ${t.step}: ${t.reason} ${t.limit}${t.at ? ` (${t.at})` : ''}`);
  }
  const a = r.anomalies;
  if (a.selfReferences.length > 0) lines.push(`self-references skipped: ${a.selfReferences.length}`);
  if (a.dangling.length > 0) lines.push(`dangling references: ${a.dangling.join(', ')}`);
  if (a.hidden > 0) lines.push(`revoked or deprecated objects hidden: ${a.hidden}`);
  return lines;
}
