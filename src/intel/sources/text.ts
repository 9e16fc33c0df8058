import { extractObservables } from '../../observables/index.ts';
import type { Source, SourceInput, SourceRecord } from '../source.ts';
import { splitRecords } from './csv-split.ts';
import { openInput, type FetchSettings } from './open-input.ts';
import { createHtmlLineReader } from './text-html.ts';

export interface TextOptions {
  /** Read the input as HTML; by default when the location ends in `.html` or `.htm`. */
  html?: boolean;
  fetch?: FetchSettings;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Free text (threat reports, e-mails, Markdown, HTML): every observable that
 * `extractObservables` finds, with the line it was found on. The whole text is capped at
 * `maxObjectBytes` (one document) and each line at `maxLineBytes`.
 */
export function createTextSource(opts: TextOptions = {}): Source {
  return { format: 'text', read: (input) => readText(input, opts) };
}

async function* readText(input: SourceInput, opts: TextOptions): AsyncGenerator<SourceRecord> {
  const { limits } = input;
  const opened = await openInput(input.location, { limits, ...opts.fetch });
  const source = opened.name;
  const html = opts.html ?? /\.html?(\.gz)?$/i.test(input.location);
  const toText = html ? createHtmlLineReader() : (line: string) => line;
  let total = 0;
  for await (const raw of splitRecords(opened.stream, { maxLineBytes: limits.maxLineBytes, delimiter: undefined })) {
    const location = { line: raw.line, path: `${source}:${raw.line}` };
    if ('tooLong' in raw) {
      yield { kind: 'reject', message: `line longer than ${limits.maxLineBytes} bytes`, location };
      continue;
    }
    total += raw.bytes.length + 1;
    if (total > limits.maxObjectBytes) {
      yield { kind: 'reject', message: `text longer than ${limits.maxObjectBytes} bytes: the rest is not read`, location };
      return;
    }
    let line: string;
    try {
      line = toText(utf8.decode(raw.bytes));
    } catch {
      yield { kind: 'reject', message: 'invalid UTF-8', location };
      continue;
    }
    for (const o of extractObservables(line)) yield { kind: 'observable', value: o.value, observableKind: o.kind, location };
  }
}
