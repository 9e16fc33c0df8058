import { AppError } from '../../../core/errors.ts';
import type { Limits } from '../../../core/limits.ts';
import type { OpenedInput } from '../open-input.ts';
import { csvLines, fieldsByHeader, headerOf } from './csv-rows.ts';
import { capecIds } from './cwe-weakness.ts';
import { reject, type KnowledgeRecord } from './records.ts';

/**
 * A CWE CSV view export (`CWE-ID,Name,Weakness Abstraction,Status,Description,…,Related Attack
 * Patterns,…`); related attack patterns are written `::66::7::`.
 */
export async function* readCweCsv(input: OpenedInput, limits: Limits): AsyncGenerator<KnowledgeRecord> {
  let header: string[] | undefined;
  let index = 0;
  for await (const l of csvLines(input.stream, limits)) {
    const location = { index, line: l.line, path: `${input.name}:${l.line}` };
    if ('error' in l) {
      yield reject(l.error, location);
      continue;
    }
    if (!header) {
      header = headerOf(l.text);
      if (!header.includes('CWE-ID') || !header.includes('Name'))
        throw new AppError('INVALID_INPUT', 'not a CWE CSV: the header needs columns CWE-ID and Name', {
          file: input.name,
          line: l.line,
        });
      continue;
    }
    index++;
    const row = fieldsByHeader(header, l.text);
    const id = row['CWE-ID']!.trim().replace(/^CWE-/i, '');
    if (!/^\d{1,6}$/.test(id))
      yield reject(`CWE-ID ${JSON.stringify(row['CWE-ID']!.slice(0, 50))} is not a number`, location);
    else if (!row.Name) yield reject(`CWE-${id} has no Name`, location);
    else
      yield {
        kind: 'weakness',
        weakness: {
          cwe: `CWE-${id}`,
          name: row.Name,
          description: row.Description || null,
          abstraction: row['Weakness Abstraction'] || null,
          status: row.Status || null,
          capecs: capecIds((row['Related Attack Patterns'] ?? '').split('::')),
        },
        location,
      };
  }
}
