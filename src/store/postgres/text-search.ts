import type { Pool } from 'pg';
import type { TextSearch } from '../store.ts';

const DOCUMENT = `to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, '') || ' ' || coalesce(aliases, ''))`;

/** PostgreSQL full-text search on the expression the GIN index covers, ranked by ts_rank. */
export function createPostgresTextSearch(pool: Pool): TextSearch {
  return async (query, { limit, maxTlp }) => {
    const res = await pool.query<{ id: string }>(
      `SELECT id FROM objects, plainto_tsquery('simple', $1) q
       WHERE ${DOCUMENT} @@ q AND tlp <= $2 ORDER BY ts_rank(${DOCUMENT}, q) DESC LIMIT $3`,
      [query, maxTlp, limit],
    );
    return res.rows.map((r) => r.id);
  };
}
