import { relative } from 'node:path';
import type { Analysis } from '../../threatmodel/engine/analysis.ts';
import type { ThreatModel } from '../../threatmodel/model/schema.ts';
import { renderHtml } from '../../threatmodel/report/html.ts';
import { renderMarkdown } from '../../threatmodel/report/markdown.ts';
import { renderSarif } from '../../threatmodel/report/sarif.ts';
import { renderTable } from '../../threatmodel/report/table.ts';
import { elementLines } from './load-model.ts';

export const ANALYZE_FORMATS = ['table', 'json', 'markdown', 'sarif', 'html'] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/** Renders an analysis in one of the report formats. */
export async function renderAnalysis(
  analysis: Analysis,
  opts: { format: AnalyzeFormat; model: ThreatModel; file: string },
): Promise<string> {
  switch (opts.format) {
    case 'table':
      return renderTable(analysis);
    case 'json':
      return JSON.stringify(analysis, null, 2);
    case 'markdown':
      return renderMarkdown(analysis);
    case 'html':
      return renderHtml(analysis, opts.model);
    case 'sarif': {
      const locateElement = await elementLines(opts.file, opts.model);
      const artifactUri = relative(process.cwd(), opts.file).split('\\').join('/');
      return JSON.stringify(renderSarif(analysis, { artifactUri, locateElement }), null, 2);
    }
  }
}
