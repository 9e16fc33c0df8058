import type { Store } from './store.ts';

export type WarninglistType = 'string' | 'substring' | 'hostname' | 'cidr' | 'regex';
export type WarninglistCategory = 'false_positive' | 'known';

/** A known-benign list as kept in the store. */
export interface StoredWarninglist {
  name: string;
  type: WarninglistType;
  category: WarninglistCategory;
  version: number;
  description: string | null;
  /** MISP attribute types the list applies to; null for all. */
  matchingAttributes: string[] | null;
  entries: string[];
  digest: string;
}

export type WarninglistInfo = Omit<StoredWarninglist, 'entries' | 'digest'> & {
  entryCount: number;
  loaded: string;
};

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

/** Writes a list under its name; the same content (same digest) again changes nothing. */
export async function saveWarninglist(
  store: Store,
  list: StoredWarninglist,
  now: string,
): Promise<SaveOutcome> {
  const found = await store.db
    .selectFrom('warninglists')
    .select('digest')
    .where('name', '=', list.name)
    .executeTakeFirst();
  if (found?.digest === list.digest) return 'unchanged';
  const row = {
    type: list.type,
    category: list.category,
    version: list.version,
    description: list.description,
    matching_attributes: list.matchingAttributes ? JSON.stringify(list.matchingAttributes) : null,
    entries: JSON.stringify(list.entries),
    entry_count: list.entries.length,
    digest: list.digest,
    loaded: now,
  };
  if (found) {
    await store.db.updateTable('warninglists').set(row).where('name', '=', list.name).execute();
    return 'updated';
  }
  await store.db
    .insertInto('warninglists')
    .values({ name: list.name, ...row })
    .execute();
  return 'created';
}

/** Every list without its entries, by name. */
export async function listWarninglists(store: Store): Promise<WarninglistInfo[]> {
  const rows = await store.db
    .selectFrom('warninglists')
    .select([
      'name',
      'type',
      'category',
      'version',
      'description',
      'matching_attributes',
      'entry_count',
      'loaded',
    ])
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    name: r.name,
    type: r.type as WarninglistType,
    category: r.category as WarninglistCategory,
    version: r.version,
    description: r.description,
    matchingAttributes: r.matching_attributes ? (JSON.parse(r.matching_attributes) as string[]) : null,
    entryCount: r.entry_count,
    loaded: r.loaded,
  }));
}

/** Every list with its entries, to build a matcher. */
export async function readWarninglists(store: Store): Promise<StoredWarninglist[]> {
  const rows = await store.db.selectFrom('warninglists').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    type: r.type as WarninglistType,
    category: r.category as WarninglistCategory,
    version: r.version,
    description: r.description,
    matchingAttributes: r.matching_attributes ? (JSON.parse(r.matching_attributes) as string[]) : null,
    entries: JSON.parse(r.entries) as string[],
    digest: r.digest,
  }));
}

/** Changes whenever a list is added, changed or removed: the key of cached matchers. */
export async function warninglistsFingerprint(store: Store): Promise<string> {
  const rows = await store.db.selectFrom('warninglists').select(['name', 'digest']).orderBy('name').execute();
  return rows.map((r) => `${r.name}\u0000${r.digest}`).join('\u0001');
}
