import { sql } from 'kysely';
import type { Store } from '../../src/store/store.ts';

/** The single number a `SELECT count(*) AS n …` returns. */
export async function count(store: Store, query: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`${sql.raw(query)}`.execute(store.db);
  return Number(rows[0]!.n);
}

/** Rows that would betray a half-written batch: an object without its provenance or observables, or the reverse. */
export async function orphans(store: Store): Promise<number[]> {
  return Promise.all([
    count(
      store,
      'SELECT count(*) AS n FROM objects o WHERE NOT EXISTS (SELECT 1 FROM provenance p WHERE p.object_key = o.key)',
    ),
    count(
      store,
      'SELECT count(*) AS n FROM provenance p WHERE NOT EXISTS (SELECT 1 FROM objects o WHERE o.key = p.object_key)',
    ),
    count(
      store,
      'SELECT count(*) AS n FROM objects o WHERE o.matchable = 1 AND NOT EXISTS (SELECT 1 FROM observables v WHERE v.object_key = o.key)',
    ),
    count(
      store,
      'SELECT count(*) AS n FROM observables v WHERE NOT EXISTS (SELECT 1 FROM objects o WHERE o.key = v.object_key)',
    ),
  ]);
}
