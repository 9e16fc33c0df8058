import type { Analysis } from '../engine/analysis.ts';
import type { ThreatModel } from '../model/schema.ts';
import { DEFAULT_MATRIX } from '../risk/matrix.ts';
import { renderDiagramSvg } from './diagram-svg.ts';
import { escapeHtml as h } from './escape.ts';

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f4f4f4}
.low{background:#d9f2d9}.medium{background:#fff2b3}.high{background:#ffd1a6}.critical{background:#ffb3b3}
.matrix td{width:3rem;text-align:center}svg{max-width:100%;height:auto;border:1px solid #eee}
.boundary{fill:none;stroke:#c33;stroke-dasharray:6 4}.blabel{fill:#c33;font-size:12px}
.actor,.external{fill:#eef;stroke:#447}.process{fill:#efe;stroke:#474}.store-fill{fill:#ffe;stroke:none}.store{stroke:#774;stroke-width:2}
.label{text-anchor:middle;font-size:12px}.flow{fill:none;stroke:#555;stroke-width:1.5}code{font-size:12px}`;

/** One self-contained HTML file: diagram, risk matrix, register, threats and mitigations (no scripts, no external resources). */
export async function renderHtml(analysis: Analysis, model: ThreatModel): Promise<string> {
  const s = analysis.summary;
  const svg = await renderDiagramSvg(model);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(model.title)} — threat model</title><style>${STYLE}</style></head><body>
<h1>${h(model.title)}</h1>
${model.description ? `<p>${h(model.description)}</p>` : ''}
<p>${s.threats} threats, ${s.open} open, ${s.aboveAppetite} open above the risk appetite (<b>${s.riskAppetite}</b>).</p>
<h2>Data-flow diagram</h2>
${svg}
<h2>Risk matrix (current risk of open threats)</h2>
${riskMatrix(analysis, model)}
<h2>Risk register</h2>
${table(
  ['#', 'Threat', 'Band', 'Score', 'Next action'],
  analysis.register.map((r) => [
    String(r.rank),
    `${h(r.title)}<br><code>${h(r.threatId)}</code>`,
    band(r.band),
    String(r.score),
    h(r.action),
  ]),
)}
<h2>Threats</h2>
${table(
  ['Threat', 'STRIDE', 'Inherent', 'Current', 'Projected', 'Status', 'CWE / CAPEC / ATT&amp;CK'],
  analysis.threats.map((t) => [
    `${h(t.title)}<br><code>${h(t.id)}</code>`,
    h(t.stride),
    band(t.risk.inherent.band),
    band(t.risk.current.band),
    band(t.risk.projected.band),
    h(t.status),
    h([...t.cwe, ...t.capec, ...t.attack].join(', ')),
  ]),
)}
<h2>Mitigations</h2>
${table(
  ['Mitigation', 'Status', 'Effectiveness', 'Owner', 'Threats'],
  model.mitigations.map((m) => [
    h(m.title),
    h(m.status),
    h(String(m.effectiveness)),
    h(m.owner ?? ''),
    h(m.threats.join(', ')),
  ]),
)}
${analysis.warnings.length > 0 ? `<h2>Warnings</h2><ul>${analysis.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}

function riskMatrix(analysis: Analysis, model: ThreatModel): string {
  const matrix = model.riskMatrix ?? DEFAULT_MATRIX;
  const counts = new Map<string, number>();
  for (const t of analysis.threats) {
    if (t.status !== 'open') continue;
    const key = `${t.risk.current.likelihood}:${t.risk.current.impact}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [5, 4, 3, 2, 1].map(
    (l) =>
      `<tr><th>L${l}</th>${[1, 2, 3, 4, 5].map((i) => `<td class="${matrix[l - 1]![i - 1]!}">${counts.get(`${l}:${i}`) ?? ''}</td>`).join('')}</tr>`,
  );
  return `<table class="matrix"><tr><th></th>${[1, 2, 3, 4, 5].map((i) => `<th>I${i}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

const band = (b: string) => `<span class="${b}">${b}</span>`;

function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p>None.</p>';
  return `<table><tr>${header.map((c) => `<th>${c}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</table>`;
}
