import { extractObservables } from '../../observables/index.ts';
import type { Source, SourceInput, SourceRecord } from '../source.ts';
import { decodeLine, splitRecords } from './csv-split.ts';
import { fetchSettings, openInput, type FetchSettings } from './open-input.ts';
import { createHtmlLineReader } from './text-html.ts';

export interface TextOptions extends FetchSettings {
  /** Read the input as HTML; by default when the location ends in `.html` or `.htm`. */
  html?: boolean;
}

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
  const opened = await openInput(input.location, { limits, ...fetchSettings(opts) });
  const source = opened.name;
  const html = opts.html ?? /\.html?(\.gz)?$/i.test(input.location);
  const toText = html ? createHtmlLineReader() : (line: string) => line;
  let total = 0;
  const records = splitRecords(opened.stream, { maxLineBytes: limits.maxLineBytes, delimiter: undefined });
  for await (const batch of records)
    for (const raw of batch) {
      const location = { line: raw.line, path: `${source}:${raw.line}` };
      if ('tooLong' in raw) {
        yield { kind: 'reject', message: `line longer than ${limits.maxLineBytes} bytes`, location };
        continue;
      }
      total += raw.bytes.length + 1;
      if (total > limits.maxObjectBytes) {
        yield {
          kind: 'reject',
          message: `text longer than ${limits.maxObjectBytes} bytes: the rest is not read`,
          location,
        };
        return;
      }
      const line = decodeLine(raw.bytes, raw.line === 1);
      if (line === undefined) {
        yield { kind: 'reject', message: 'invalid UTF-8', location };
        continue;
      }
      for (const o of extractObservables(toText(line)))
        yield { kind: 'observable', value: o.value, observableKind: o.kind, location };
    }
}
