import { AppError } from '../../../core/errors.ts';
import type { Limits } from '../../../core/limits.ts';
import type { OpenedInput } from '../open-input.ts';
import { csvLines, fieldsByHeader, headerOf } from './csv-rows.ts';
import { isRecord, peek, readJsonDocument } from './document.ts';
import { kevRecord } from './kev-entry.ts';
import { reject, type KnowledgeRecord } from './records.ts';

const KEV_COLUMNS = ['cveID', 'dateAdded', 'dueDate'];

/** The KEV catalog, JSON edition: `{ catalogVersion, dateReleased, count, vulnerabilities: [...] }`. */
async function* readKevJson(input: OpenedInput, limits: Limits): AsyncGenerator<KnowledgeRecord> {
  const doc = await readJsonDocument(input, limits);
  if (!isRecord(doc) || !Array.isArray(doc.vulnerabilities))
    throw new AppError('INVALID_INPUT', 'not a KEV catalog: no "vulnerabilities" array', {
      file: input.name,
      path: '$.vulnerabilities',
    });
  for (const [i, entry] of doc.vulnerabilities.entries())
    yield kevRecord(entry, { index: i, path: `$.vulnerabilities[${i}]` });
}

/** The KEV catalog, CSV edition: the same fields as columns, `cwes` as a comma-separated list. */
async function* readKevCsv(input: OpenedInput, limits: Limits): AsyncGenerator<KnowledgeRecord> {
  let header: string[] | undefined;
  for await (const l of csvLines(input.stream, limits)) {
    const location = { line: l.line, path: `${input.name}:${l.line}` };
    if ('error' in l) {
      yield reject(l.error, location);
      continue;
    }
    if (!header) {
      header = headerOf(l.text);
      const missing = KEV_COLUMNS.filter((c) => !header!.includes(c));
      if (missing.length > 0)
        throw new AppError('INVALID_INPUT', `not a KEV CSV: no column ${missing.join(', ')}`, {
          file: input.name,
          line: l.line,
        });
      continue;
    }
    const row: Record<string, unknown> = fieldsByHeader(header, l.text);
    const cwes = typeof row.cwes === 'string' ? row.cwes : '';
    row.cwes = cwes.trim() === '' ? [] : cwes.split(',').map((c) => c.trim());
    yield kevRecord(row, location);
  }
}

/** Either edition of the KEV catalog, told apart by the first byte (`{` is the JSON one). */
export async function* readKev(input: OpenedInput, limits: Limits): AsyncGenerator<KnowledgeRecord> {
  const { head, input: replay } = await peek(input);
  yield* head.startsWith('{') ? readKevJson(replay, limits) : readKevCsv(replay, limits);
}
