import type { RejectRecord, Source, SourceInput, SourceRecord } from '../source.ts';
import { buildLayout, looksLikeHeader, needsHeader, type ColumnOptions, type Layout } from './csv-columns.ts';
import { detectDelimiter, parseFields, type Delimiter } from './csv-fields.ts';
import { commentPrefixes, commentText, peek, sampleLines } from './csv-head.ts';
import { rowRecords } from './csv-row.ts';
import { splitRecords } from './csv-split.ts';
import { openInput, type FetchSettings } from './open-input.ts';

export interface CsvOptions extends ColumnOptions {
  /** Detected from the first lines when absent; none detected means a one-per-line list. */
  delimiter?: Delimiter;
  /** Detected when absent: see `looksLikeHeader`; a commented header line (`# id,url,…`) counts. */
  hasHeader?: boolean;
  /** Prefix of comment lines; default `#`, `//` and `;` (see `commentPrefixes`). */
  comment?: string;
  fetch?: FetchSettings;
}

const HEAD_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

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
  const opened = await openInput(input.location, { limits, ...opts.fetch });
  const source = opened.name;
  const prefixes = commentPrefixes(opts.comment, opts.delimiter);
  const { head, complete, stream } = await peek(opened.stream, HEAD_BYTES);
  const delimiter = opts.delimiter ?? detectDelimiter(sampleLines(head, complete, prefixes));
  let layout: Layout | undefined;
  let lastComment: string | undefined;
  for await (const raw of splitRecords(stream, { maxLineBytes: limits.maxLineBytes, delimiter: delimiter?.charCodeAt(0) })) {
    if ('tooLong' in raw) {
      yield reject(source, raw.line, `line longer than ${limits.maxLineBytes} bytes`);
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(raw.bytes);
    } catch {
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
 * The header row: the first row when `hasHeader` says so or it looks like one; else, when
 * auto-detecting, the last comment line before the data if it has as many cells and looks
 * like a header (abuse.ch feeds write `# id,dateadded,url,…`).
 */
function chooseHeader(
  first: string[],
  lastComment: string | undefined,
  delimiter: string | undefined,
  opts: CsvOptions,
): { cells: string[]; isFirstRow: boolean } | undefined {
  if (opts.hasHeader === true || (opts.hasHeader === undefined && looksLikeHeader(first))) return { cells: first, isFirstRow: true };
  if (opts.hasHeader === false || lastComment === undefined || !needsHeader(opts)) return undefined;
  const cells = (delimiter ? parseFields(lastComment, delimiter) : [lastComment]).map((c) => c.trim());
  return cells.length === first.length && looksLikeHeader(cells) ? { cells, isFirstRow: false } : undefined;
}
