import type { WeaknessesTable } from './knowledge-tables.ts';
import type { Store } from './store.ts';

export type Weakness = WeaknessesTable;
export type WeaknessOutcome = 'created' | 'updated' | 'unchanged';

const CHUNK = 500;
const FIELDS = ['name', 'description', 'abstraction', 'status', 'capecs'] as const;

export async function getWeaknesses(store: Store, cwes: string[]): Promise<Weakness[]> {
  const out: Weakness[] = [];
  for (let i = 0; i < cwes.length; i += CHUNK) {
    const part = cwes.slice(i, i + CHUNK);
    out.push(...(await store.db.selectFrom('weaknesses').selectAll().where('cwe', 'in', part).execute()));
  }
  return out;
}

/** The weaknesses whose related attack patterns include this CAPEC id (`CAPEC-66`). */
export async function weaknessesWithCapec(store: Store, capec: string): Promise<Weakness[]> {
  // `capecs` is a JSON array of quoted ids: the quotes make the substring match exact.
  return store.db
    .selectFrom('weaknesses')
    .selectAll()
    .where('capecs', 'like', `%${JSON.stringify(capec)}%`)
    .orderBy('cwe')
    .execute();
}

/** Writes weaknesses in one transaction; a row equal to the stored one is `unchanged`. */
export async function upsertWeaknesses(store: Store, rows: Weakness[]): Promise<WeaknessOutcome[]> {
  const current = new Map(
    (
      await getWeaknesses(
        store,
        rows.map((r) => r.cwe),
      )
    ).map((r) => [r.cwe, r]),
  );
  const outcomes: WeaknessOutcome[] = [];
  const writes = new Map<string, { row: Weakness; insert: boolean }>();
  for (const row of rows) {
    const cur = current.get(row.cwe);
    const outcome: WeaknessOutcome = !cur
      ? 'created'
      : FIELDS.some((f) => cur[f] !== row[f])
        ? 'updated'
        : 'unchanged';
    outcomes.push(outcome);
    if (outcome === 'unchanged') continue;
    writes.set(row.cwe, { row, insert: writes.get(row.cwe)?.insert ?? !cur });
    current.set(row.cwe, row);
  }
  if (writes.size === 0) return outcomes;
  await store.db.transaction().execute(async (trx) => {
    for (const { row, insert } of writes.values()) {
      if (insert) await trx.insertInto('weaknesses').values(row).execute();
      else await trx.updateTable('weaknesses').set(row).where('cwe', '=', row.cwe).execute();
    }
  });
  return outcomes;
}
