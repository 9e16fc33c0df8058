import type { Analysis } from '../engine/analysis.ts';
import { escapeCell } from './escape.ts';

/** A Markdown report: summary, prioritized register, every threat with its mappings. */
export function renderMarkdown(analysis: Analysis): string {
  const { model, summary: s } = analysis;
  const out = [
    `# Threat model: ${model.title}`,
    '',
    `${model.elements} elements, ${model.dataFlows} data flows, ${model.trustBoundaries} trust boundaries, ${model.assets} assets.`,
    `Risk appetite: **${s.riskAppetite}**. ${s.threats} threats, ${s.open} open, ${s.aboveAppetite} open above appetite.`,
    '',
    '## Risk register',
    '',
    '| # | Threat | Band | Score | Next action |',
    '|---|---|---|---|---|',
    ...analysis.register.map(
      (r) =>
        `| ${r.rank} | ${escapeCell(r.title)} (\`${r.threatId}\`) | ${r.band} | ${r.score} | ${escapeCell(r.action)} |`,
    ),
    '',
    '## Threats',
    '',
    '| Threat | STRIDE | Inherent | Current | Projected | Status | CWE | CAPEC | ATT&CK |',
    '|---|---|---|---|---|---|---|---|---|',
    ...analysis.threats.map(
      (t) =>
        `| \`${escapeCell(t.id)}\` ${escapeCell(t.title)} | ${t.stride} | ${t.risk.inherent.band} | ${t.risk.current.band} | ${t.risk.projected.band} | ${t.status} | ${t.cwe.join(', ')} | ${t.capec.join(', ')} | ${t.attack.join(', ')} |`,
    ),
  ];
  if (analysis.suppressed.length > 0) {
    out.push('', '## Suppressed', '', ...analysis.suppressed.map((x) => `- \`${x.threatId}\`: ${x.reason}`));
  }
  if (analysis.warnings.length > 0)
    out.push('', '## Warnings', '', ...analysis.warnings.map((w) => `- ${w}`));
  return `${out.join('\n')}\n`;
}
