import type { RejectRecord, Source, SourceInput, SourceRecord } from '../source.ts';
import {
  buildLayout,
  hasNames,
  looksLikeHeader,
  namedColumns,
  type ColumnOptions,
  type Layout,
} from './csv-columns.ts';
import { detectDelimiter, parseFields, type Delimiter } from './csv-fields.ts';
import { commentPrefixes, commentText, peek, sampleLines } from './csv-head.ts';
import { rowRecords } from './csv-row.ts';
import { decodeLine, splitRecords } from './csv-split.ts';
import { fetchSettings, openInput, type FetchSettings } from './open-input.ts';

export interface CsvOptions extends ColumnOptions, FetchSettings {
  /** Detected from the first lines when absent; none detected means a one-per-line list. */
  delimiter?: Delimiter;
  /** Detected when absent: see `looksLikeHeader`; a commented header line (`# id,url,…`) counts. */
  hasHeader?: boolean;
  /** Prefix of comment lines; default `#`, `//` and `;` (see `commentPrefixes`). */
  comment?: string;
}

const HEAD_BYTES = 64 * 1024;

function reject(source: string, line: number, message: string): RejectRecord {
  return { kind: 'reject', message, location: { line, path: `${source}:${line}` } };
}

/**
 * Reads CSV/TSV files and one-per-line lists as a stream of records, one line at a time: an
 * over-long line, invalid UTF-8 or a row without an observable is one reject with its line
 * number, and the lines after it are still read.
 */
export function createCsvSource(opts: CsvOptions = {}): Source {
  return {
    format: 'csv',
    read: (input: SourceInput) => readCsv(input, opts),
  };
}

async function* readCsv(input: SourceInput, opts: CsvOptions): AsyncGenerator<SourceRecord> {
  const { limits } = input;
  const opened = await openInput(input.location, { limits, ...fetchSettings(opts) });
  const source = opened.name;
  const prefixes = commentPrefixes(opts.comment, opts.delimiter);
  const { head, complete, stream } = await peek(opened.stream, HEAD_BYTES);
  const delimiter = opts.delimiter ?? detectDelimiter(sampleLines(head, complete, prefixes));
  let layout: Layout | undefined;
  let lastComment: string | undefined;
  const records = splitRecords(stream, {
    maxLineBytes: limits.maxLineBytes,
    delimiter: delimiter?.charCodeAt(0),
  });
  for await (const batch of records)
    for (const raw of batch) {
      if ('tooLong' in raw) {
        yield reject(source, raw.line, `line longer than ${limits.maxLineBytes} bytes`);
        continue;
      }
      const text = decodeLine(raw.bytes, raw.line === 1);
      if (text === undefined) {
        yield reject(source, raw.line, 'invalid UTF-8');
        continue;
      }
      if (text.trim() === '') continue;
      const comment = commentText(text, prefixes);
      if (comment !== undefined) {
        lastComment = comment;
        continue;
      }
      const cells = (delimiter ? parseFields(text, delimiter) : [text]).map((c) => c.trim());
      if (!layout) {
        const header = chooseHeader(cells, lastComment, delimiter, opts);
        layout = buildLayout(opts, header?.cells, source);
        if (header?.isFirstRow) continue;
      }
      yield* rowRecords(cells, layout, { source, line: raw.line });
    }
}

/**
 * The header row, when `hasHeader` is not given: with a mapping by column names, the first
 * row if it has those names, else the last comment line before the data if it has them
 * (abuse.ch feeds write `# id,dateadded,url,…`); without one, the first row if it looks like
 * a header (see `looksLikeHeader`).
 */
function chooseHeader(
  first: string[],
  lastComment: string | undefined,
  delimiter: string | undefined,
  opts: CsvOptions,
): { cells: string[]; isFirstRow: boolean } | undefined {
  if (opts.hasHeader !== undefined) return opts.hasHeader ? { cells: first, isFirstRow: true } : undefined;
  const names = namedColumns(opts);
  if (names.length === 0) return looksLikeHeader(first) ? { cells: first, isFirstRow: true } : undefined;
  if (hasNames(first, names)) return { cells: first, isFirstRow: true };
  const cells =
    lastComment === undefined
      ? []
      : (delimiter ? parseFields(lastComment, delimiter) : [lastComment]).map((c) => c.trim());
  return hasNames(cells, names) ? { cells, isFirstRow: false } : undefined;
}
