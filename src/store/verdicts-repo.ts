import type { Store } from './store.ts';

export type Verdict = 'tp' | 'fp';

export interface VerdictRow {
  objectId: string;
  verdict: Verdict;
  note: string | null;
  /** The score features of the object when the verdict was given (what training learns from). */
  features: Record<string, number>;
  created: string;
}

export async function addVerdict(store: Store, v: VerdictRow): Promise<void> {
  await store.db
    .insertInto('verdicts')
    .values({
      object_id: v.objectId,
      verdict: v.verdict,
      note: v.note,
      features: JSON.stringify(v.features),
      created: v.created,
    })
    .execute();
}

/** Every verdict, oldest first; a later verdict on the same object supersedes an earlier one. */
export async function latestVerdicts(store: Store): Promise<VerdictRow[]> {
  const rows = await store.db.selectFrom('verdicts').selectAll().orderBy('id').execute();
  const byObject = new Map<string, VerdictRow>();
  for (const r of rows)
    byObject.set(r.object_id, {
      objectId: r.object_id,
      verdict: r.verdict as Verdict,
      note: r.note,
      features: JSON.parse(r.features) as Record<string, number>,
      created: r.created,
    });
  return [...byObject.values()];
}
