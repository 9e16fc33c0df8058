import { AppError } from '../../../core/errors.ts';
import type { Limits } from '../../../core/limits.ts';
import type { OpenedInput } from '../open-input.ts';
import { csvLines, fieldsByHeader, headerOf } from './csv-rows.ts';
import { toUtcTimestamp } from './dates.ts';
import { CVE_ID } from './kev-entry.ts';
import { reject, type KnowledgeRecord } from './records.ts';

/** `#model_version:v2023.03.01,score_date:2023-03-08T00:00:00+0000`, the first line of FIRST's file. */
function parseComment(text: string): { model?: string; date?: string } {
  const out: { model?: string; date?: string } = {};
  for (const part of text.replace(/^#/, '').split(',')) {
    const at = part.indexOf(':');
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 'model_version') out.model = value;
    if (key === 'score_date') {
      const date = toUtcTimestamp(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (date) out.date = date;
    }
  }
  return out;
}

function probability(v: string | undefined): number | undefined {
  if (v === undefined || !/^\s*(\d{1,3}(\.\d{1,20})?|\.\d{1,20})(e[+-]?\d{1,3})?\s*$/i.test(v))
    return undefined;
  const n = Number(v);
  return n >= 0 && n <= 1 ? n : undefined;
}

/**
 * FIRST's EPSS daily CSV: an optional comment line with the model version and score date, the
 * header `cve,epss,percentile` and one score per CVE. Only the EPSS columns are written.
 */
export async function* readEpss(input: OpenedInput, limits: Limits): AsyncGenerator<KnowledgeRecord> {
  let header: string[] | undefined;
  let scoreDate: string | null = null;
  for await (const l of csvLines(input.stream, limits)) {
    const location = { line: l.line, path: `${input.name}:${l.line}` };
    if ('error' in l) {
      yield reject(l.error, location);
      continue;
    }
    if (!header && l.text.startsWith('#')) {
      const c = parseComment(l.text);
      scoreDate = c.date ?? null;
      if (c.model) yield { kind: 'meta', key: 'epss.model_version', value: c.model, location };
      continue;
    }
    if (!header) {
      header = headerOf(l.text).map((h) => h.toLowerCase());
      if (!header.includes('cve') || !header.includes('epss'))
        throw new AppError('INVALID_INPUT', 'not an EPSS CSV: the header needs columns cve and epss', {
          file: input.name,
          line: l.line,
        });
      continue;
    }
    const row = fieldsByHeader(header, l.text);
    const cve = row.cve!.trim().toUpperCase();
    const epss = probability(row.epss);
    const percentile = header.includes('percentile') ? probability(row.percentile) : null;
    if (!CVE_ID.test(cve))
      yield reject(`${JSON.stringify(row.cve!.slice(0, 100))} is not a CVE id`, location);
    else if (epss === undefined)
      yield reject(`epss ${JSON.stringify(row.epss)} is not a probability`, location);
    else if (percentile === undefined)
      yield reject(`percentile ${JSON.stringify(row.percentile)} is not between 0 and 1`, location);
    else
      yield {
        kind: 'vuln',
        update: { cve, set: { epss, epss_percentile: percentile, epss_date: scoreDate } },
        location,
      };
  }
}
