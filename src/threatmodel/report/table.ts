import type { Analysis } from '../engine/analysis.ts';

const STRIDE_LETTER: Record<string, string> = {
  spoofing: 'S',
  tampering: 'T',
  repudiation: 'R',
  'information-disclosure': 'I',
  'denial-of-service': 'D',
  'elevation-of-privilege': 'E',
};

/** A plain-text table of the threats in priority order, for terminals. */
export function renderTable(analysis: Analysis): string {
  const rows = analysis.threats.map((t) => [
    t.id,
    STRIDE_LETTER[t.stride] ?? '?',
    `${t.risk.inherent.band}→${t.risk.current.band}`,
    String(t.risk.current.score),
    t.status,
  ]);
  const header = ['THREAT', 'STRIDE', 'RISK (INHERENT→CURRENT)', 'SCORE', 'STATUS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const s = analysis.summary;
  return [
    line(header),
    ...rows.map(line),
    '',
    `${s.threats} threats, ${s.open} open; highest open band: ${s.highestOpenBand ?? 'none'}; appetite: ${s.riskAppetite}; ${s.aboveAppetite} above appetite`,
    ...analysis.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}
