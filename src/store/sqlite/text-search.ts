import type BetterSqlite3 from 'better-sqlite3';
import type { TextSearch } from '../store.ts';

/** Quotes each word so that user input is never read as FTS5 query syntax. */
function toFtsQuery(text: string): string {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}

/** FTS5 over names, descriptions and aliases, ranked by bm25. */
export function createSqliteTextSearch(raw: BetterSqlite3.Database): TextSearch {
  return (query, { limit, maxTlp }) => {
    const fts = toFtsQuery(query);
    if (fts === '') return Promise.resolve([]);
    const rows = raw
      .prepare<[string, number, number], { id: string }>(
        `SELECT o.id FROM objects_fts f JOIN objects o ON o.rowid = f.rowid
         WHERE objects_fts MATCH ? AND o.tlp <= ? ORDER BY bm25(objects_fts) LIMIT ?`,
      )
      .all(fts, maxTlp, limit);
    return Promise.resolve(rows.map((r) => r.id));
  };
}
