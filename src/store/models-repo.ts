import type { Store } from './store.ts';

export interface ModelRow {
  id: number;
  name: string;
  title: string | null;
  status: string;
  latestVersion: number;
  approvedVersion: number | null;
  created: string;
  updated: string;
}

export interface ModelVersionRow {
  version: number;
  created: string;
  author: string;
  message: string | null;
  digest: string;
  document: string;
}

export interface ModelReviewRow {
  version: number;
  actor: string;
  action: string;
  created: string;
  comment: string | null;
  threatId: string | null;
}

export async function findModel(store: Store, name: string): Promise<ModelRow | undefined> {
  const r = await store.db.selectFrom('models').selectAll().where('name', '=', name).executeTakeFirst();
  return (
    r && {
      id: r.id,
      name: r.name,
      title: r.title,
      status: r.status,
      latestVersion: r.latest_version,
      approvedVersion: r.approved_version,
      created: r.created,
      updated: r.updated,
    }
  );
}

export async function listModels(store: Store): Promise<ModelRow[]> {
  const names = await store.db.selectFrom('models').select('name').orderBy('name').execute();
  const out: ModelRow[] = [];
  for (const { name } of names) out.push((await findModel(store, name))!);
  return out;
}

/** Appends a version (and creates the model on its first one) in one transaction. */
export async function appendModelVersion(
  store: Store,
  m: {
    name: string;
    title: string | null;
    now: string;
    author: string;
    message: string | null;
    digest: string;
    document: string;
  },
): Promise<number> {
  return store.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('models')
      .select(['id', 'latest_version'])
      .where('name', '=', m.name)
      .executeTakeFirst();
    let id: number;
    let version: number;
    if (existing) {
      id = existing.id;
      version = existing.latest_version + 1;
      await tx
        .updateTable('models')
        .set({ latest_version: version, status: 'draft', title: m.title, updated: m.now })
        .where('id', '=', id)
        .execute();
    } else {
      const row = await tx
        .insertInto('models')
        .values({
          name: m.name,
          title: m.title,
          status: 'draft',
          latest_version: 1,
          created: m.now,
          updated: m.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      version = 1;
    }
    await tx
      .insertInto('model_versions')
      .values({
        model_id: id,
        version,
        created: m.now,
        author: m.author,
        message: m.message,
        digest: m.digest,
        document: m.document,
      })
      .execute();
    return version;
  });
}

export async function modelVersions(store: Store, modelId: number): Promise<ModelVersionRow[]> {
  return store.db
    .selectFrom('model_versions')
    .select(['version', 'created', 'author', 'message', 'digest', 'document'])
    .where('model_id', '=', modelId)
    .orderBy('version', 'desc')
    .execute();
}

export async function modelVersion(
  store: Store,
  modelId: number,
  version: number,
): Promise<ModelVersionRow | undefined> {
  return store.db
    .selectFrom('model_versions')
    .select(['version', 'created', 'author', 'message', 'digest', 'document'])
    .where('model_id', '=', modelId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Records a review action and moves the model's status with it, in one transaction. */
export async function recordReview(
  store: Store,
  r: {
    modelId: number;
    version: number;
    actor: string;
    action: string;
    now: string;
    comment: string | null;
    threatId: string | null;
    status?: string;
    approvedVersion?: number;
  },
): Promise<void> {
  await store.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('model_reviews')
      .values({
        model_id: r.modelId,
        version: r.version,
        actor: r.actor,
        action: r.action,
        created: r.now,
        comment: r.comment,
        threat_id: r.threatId,
      })
      .execute();
    if (r.status) {
      await tx
        .updateTable('models')
        .set({
          status: r.status,
          updated: r.now,
          ...(r.approvedVersion !== undefined ? { approved_version: r.approvedVersion } : {}),
        })
        .where('id', '=', r.modelId)
        .execute();
    }
  });
}

export async function modelReviews(store: Store, modelId: number): Promise<ModelReviewRow[]> {
  const rows = await store.db
    .selectFrom('model_reviews')
    .select(['version', 'actor', 'action', 'created', 'comment', 'threat_id'])
    .where('model_id', '=', modelId)
    .orderBy('id')
    .execute();
  return rows.map(({ threat_id, ...r }) => ({ ...r, threatId: threat_id }));
}
