import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import {
  appendModelVersion,
  findModel,
  modelReviews,
  modelVersion,
  modelVersions,
  recordReview,
  type ModelReviewRow,
  type ModelRow,
} from '../../store/models-repo.ts';
import { canonicalJson } from '../../stix/jcs.ts';
import type { Store } from '../../store/store.ts';
import type { ThreatModel } from '../model/schema.ts';

export type ModelStatus = 'draft' | 'in-review' | 'approved';

export interface SaveResult {
  name: string;
  version: number;
  /** False when the document equals the latest version: no new version is made. */
  saved: boolean;
}

async function requireModel(store: Store, name: string): Promise<ModelRow> {
  const m = await findModel(store, name);
  if (!m) throw new AppError('NOT_FOUND', `no model named ${name} in the store`);
  return m;
}

/** Saves a model as a new immutable version; a changed model goes back to draft. */
export async function saveModel(
  store: Store,
  s: { name: string; model: ThreatModel; author: string; message?: string; now: string },
): Promise<SaveResult> {
  // RFC 8785 canonical JSON: equal models give equal digests whatever their key order.
  const document = canonicalJson(JSON.parse(JSON.stringify(s.model)));
  const digest = createHash('sha256').update(document).digest('hex');
  const existing = await findModel(store, s.name);
  if (existing) {
    const latest = await modelVersion(store, existing.id, existing.latestVersion);
    if (latest?.digest === digest) return { name: s.name, version: existing.latestVersion, saved: false };
  }
  const version = await appendModelVersion(store, {
    name: s.name,
    title: s.model.title ?? null,
    now: s.now,
    author: s.author,
    message: s.message ?? null,
    digest,
    document,
  });
  return { name: s.name, version, saved: true };
}

export async function modelHistory(store: Store, name: string) {
  const m = await requireModel(store, name);
  const versions = (await modelVersions(store, m.id)).map(({ document: _, ...v }) => v);
  return { model: m, versions, reviews: await modelReviews(store, m.id) };
}

/** The document of one version (the latest when none is given). */
export async function loadStoredModel(
  store: Store,
  name: string,
  version?: number,
): Promise<{ model: ModelRow; version: number; document: ThreatModel }> {
  const m = await requireModel(store, name);
  const v = await modelVersion(store, m.id, version ?? m.latestVersion);
  if (!v) throw new AppError('NOT_FOUND', `model ${name} has no version ${version}`);
  return { model: m, version: v.version, document: JSON.parse(v.document) as ThreatModel };
}

export type ReviewAction = 'request-review' | 'approve' | 'request-changes' | 'comment';

/**
 * Moves a model through review. Approval is of the latest version only, and never by its
 * author (four eyes); a comment may name a threat id.
 */
export async function reviewModel(
  store: Store,
  r: { name: string; actor: string; action: ReviewAction; comment?: string; threatId?: string; now: string },
): Promise<ModelReviewRow[]> {
  const m = await requireModel(store, r.name);
  const latest = (await modelVersion(store, m.id, m.latestVersion))!;
  if (r.action === 'approve' && latest.author === r.actor) {
    throw new AppError(
      'FORBIDDEN',
      `${r.actor} wrote version ${latest.version} of ${r.name} and cannot approve it`,
    );
  }
  if ((r.action === 'request-changes' || r.action === 'comment') && !r.comment) {
    throw new AppError('USAGE', `${r.action} needs a comment`);
  }
  const status: Partial<Record<ReviewAction, ModelStatus>> = {
    'request-review': 'in-review',
    approve: 'approved',
    'request-changes': 'draft',
  };
  await recordReview(store, {
    modelId: m.id,
    version: latest.version,
    actor: r.actor,
    action: r.action,
    now: r.now,
    comment: r.comment ?? null,
    threatId: r.threatId ?? null,
    ...(status[r.action] ? { status: status[r.action] } : {}),
    ...(r.action === 'approve' ? { approvedVersion: latest.version } : {}),
  });
  return modelReviews(store, m.id);
}
