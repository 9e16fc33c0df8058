import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError } from '../../core/errors.ts';

export type CopyValue = string | number | null | undefined;
type Row = readonly CopyValue[];

const SPECIAL = /[\\\t\n\r\0]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function field(table: string, column: string, row: Row, v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  if (!SPECIAL.test(v)) return v;
  if (v.includes('\0')) {
    throw new AppError(
      'INVALID_INPUT',
      `PostgreSQL text cannot hold a NUL character (U+0000): ${table}.${column} of ${JSON.stringify(row[0])} has one`,
    );
  }
  return v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
}

/**
 * Rows in COPY's text format: tab-separated, one line a row, `\N` for NULL, and backslash,
 * tab, newline and carriage return escaped. A NUL character has no representation in
 * PostgreSQL text at all, so it is refused with an error naming the table, column and row.
 */
export function copyText(table: string, columns: readonly string[], rows: readonly Row[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) out += '\t';
      out += field(table, columns[i]!, row, row[i]);
    }
    out += '\n';
  }
  return out;
}

/** Loads rows into a table with one `COPY … FROM STDIN`, inside the client's transaction. */
export async function copyInto(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const text = copyText(table, columns, rows);
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  stream.end(text);
  await once(stream, 'finish');
}
