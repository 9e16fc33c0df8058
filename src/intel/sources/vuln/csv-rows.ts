import type { Limits } from '../../../core/limits.ts';
import { parseFields } from '../csv-fields.ts';
import { decodeLine, splitRecords } from '../csv-split.ts';

export type CsvLine = { line: number; text: string } | { line: number; error: string };

/** The lines of a comma-separated input (RFC 4180 quoting), with their line numbers. */
export async function* csvLines(stream: AsyncIterable<Buffer>, limits: Limits): AsyncGenerator<CsvLine> {
  let first = true;
  for await (const batch of splitRecords(stream, { maxLineBytes: limits.maxLineBytes, delimiter: 0x2c })) {
    for (const rec of batch) {
      if ('tooLong' in rec) {
        yield { line: rec.line, error: `line longer than ${limits.maxLineBytes} bytes` };
        first = false;
        continue;
      }
      const text = decodeLine(rec.bytes, first);
      first = false;
      if (text === undefined) yield { line: rec.line, error: 'not valid UTF-8' };
      else if (text.trim() !== '') yield { line: rec.line, text };
    }
  }
}

/** A CSV line as a record keyed by the header's column names. */
export function fieldsByHeader(header: readonly string[], text: string): Record<string, string> {
  const fields = parseFields(text, ',');
  const out: Record<string, string> = {};
  header.forEach((name, i) => {
    out[name] = fields[i] ?? '';
  });
  return out;
}

export function headerOf(text: string): string[] {
  return parseFields(text, ',').map((h) => h.trim());
}
