import pg, { type Pool, type PoolClient } from 'pg';
import { AppError } from '../../core/errors.ts';
import type { CreatedElsewhere, CurrentVersion, IngestBatch, IngestWriter } from '../ingest-writer.ts';
import { compareKeys } from '../key-order.ts';
import { copyCreated } from './write-created.ts';
import { writeByUpsert, writeExisting } from './write-upserts.ts';

/** Objects written since the last ANALYZE below which the writer leaves statistics alone. */
const ANALYZE_AFTER = 100_000;
const INGEST_TABLES = 'objects, object_versions, observables, relationships, provenance';

/** The SQLSTATE of an error the server raised. */
function sqlState(e: unknown): string | undefined {
  return e instanceof pg.DatabaseError ? e.code : undefined;
}

/**
 * One transaction. Its commit does not wait for the WAL flush (synchronous_commit = off), so
 * the server flushes a batch's megabytes of WAL in the background while the next one is
 * prepared, instead of on the critical path (2 ms of each commit on a fast local disk, far
 * more where an fsync costs milliseconds). The cost is bounded: a crash of the server may lose
 * the last few hundred milliseconds of committed batches, never part of one, and never leaves
 * the database inconsistent; a killed client loses nothing committed. Re-running the ingest
 * writes them again, and anything committed synchronously later (a feed's saved state)
 * flushes the WAL up to itself, so it can never outlive the batches before it.
 */
async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN; SET LOCAL synchronous_commit = off');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}

/**
 * ANALYZE of the ingest tables once the writer has written as many objects as the table held
 * at the last count (at least `minimum`): so statistics follow a table that grows from
 * nothing to millions during one ingest (a few times, as it doubles), and a large table is
 * not analyzed for a small feed. The writer cannot know where an ingest ends; it counts.
 */
function analyzeSchedule(minimum: number): (client: PoolClient, written: number) => Promise<void> {
  let since = 0;
  let threshold: number | null = null;
  const tableSize = async (client: PoolClient) => {
    const res = await client.query<{ n: number }>(
      "SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'objects'::regclass",
    );
    return Math.max(minimum, res.rows[0]?.n ?? 0);
  };
  return async (client, written) => {
    threshold ??= await tableSize(client);
    since += written;
    if (since < threshold) return;
    await client.query(`ANALYZE ${INGEST_TABLES}`);
    since = 0;
    threshold = await tableSize(client);
  };
}

/**
 * The batch with its rows in id order. Writers that lock the same rows in the same order
 * wait for each other instead of deadlocking (two ingests of one feed, or of feeds that
 * share objects, running at once).
 */
function inKeyOrder(batch: IngestBatch): IngestBatch {
  return {
    created: [...batch.created].sort((a, b) => compareKeys(a.row.id, b.row.id)),
    replaced: [...batch.replaced].sort((a, b) => compareKeys(a.row.id, b.row.id)),
    older: batch.older,
    provenance: [...batch.provenance].sort((a, b) => compareKeys(a.objectId, b.objectId)),
  };
}

/** Created objects by COPY, everything else by upsert: the path of a batch planned on current data. */
async function writeFast(client: PoolClient, batch: IngestBatch): Promise<void> {
  const createdIds = new Set(batch.created.map((c) => c.row.id));
  await copyCreated(
    client,
    batch.created,
    batch.provenance.filter((p) => createdIds.has(p.objectId)),
  );
  await writeExisting(client, {
    replaced: batch.replaced,
    older: batch.older,
    provenance: batch.provenance.filter((p) => !createdIds.has(p.objectId)),
  });
}

export function createPostgresIngestWriter(
  pool: Pool,
  { analyzeAfter = ANALYZE_AFTER }: { analyzeAfter?: number } = {},
): IngestWriter {
  const analyzeIfGrown = analyzeSchedule(analyzeAfter);
  return {
    // Two: while the server writes one batch, this process prepares and sends the next.
    parallel: 2,
    async currentVersions(ids) {
      // One primary-key probe per id, whatever the planner estimates: `OFFSET 0` keeps the
      // subquery from being flattened into a join. With `id = ANY(…)` of a batch's ids, fresh
      // statistics make a table of a few hundred thousand rows look cheaper to scan whole,
      // which is several times slower than the probes.
      const res = await pool.query<{ id: string; key: string; modified_key: string | null; revoked: number }>(
        `SELECT o.id, o.key, o.modified_key, o.revoked FROM unnest($1::text[]) AS u(id)
         CROSS JOIN LATERAL (SELECT id, key, modified_key, revoked FROM objects WHERE objects.id = u.id OFFSET 0) o`,
        [ids],
      );
      const out = new Map<string, CurrentVersion>();
      for (const r of res.rows)
        out.set(r.id, { key: Number(r.key), modifiedKey: r.modified_key, revoked: r.revoked === 1 });
      return out;
    },

    async writeBatch(unordered: IngestBatch) {
      const batch = inKeyOrder(unordered);
      const client = await pool.connect();
      let elsewhere: CreatedElsewhere | undefined;
      try {
        try {
          await inTransaction(client, () => writeFast(client, batch));
        } catch (e) {
          // 23505 unique_violation: another client created some of these ids after
          // currentVersions read them; 40P01: a deadlock with such a client, resolved by
          // rolling this transaction back. Either way nothing of the batch was written: write
          // it again with statements that tolerate the other client's rows.
          const state = sqlState(e);
          if (state !== '23505' && state !== '40P01') throw e;
          elsewhere = await inTransaction(client, () => writeByUpsert(client, batch));
        }
        await analyzeIfGrown(client, batch.created.length + batch.replaced.length);
      } catch (e) {
        // 22021: a NUL character in a text parameter (COPY refuses it earlier, naming the row).
        if (sqlState(e) === '22021' && /0x00/.test((e as Error).message)) {
          throw new AppError(
            'INVALID_INPUT',
            'PostgreSQL text cannot hold a NUL character (U+0000): a text value of this batch has one, and nothing of the batch was written',
            {},
            { cause: e },
          );
        }
        throw e;
      } finally {
        client.release();
      }
      return elsewhere;
    },
  };
}
