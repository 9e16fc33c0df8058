import { AppError } from '../core/errors.ts';
import { parseObservable } from '../observables/index.ts';
import { getObject } from '../store/objects-repo.ts';
import { findObservable } from '../store/observables-repo.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from '../store/viewer.ts';

const STIX_ID = /^[a-z][a-z0-9-]*--[0-9a-f-]{36}$/;

export interface Targets {
  ids: string[];
  /** The canonical value, when the input was one. */
  observable?: { value: string; kind: string };
}

/**
 * The stored objects a value (any spelling) or STIX id names, of what the viewer may see.
 * Unknown values and ids are NOT_FOUND (exit 2): nothing is recorded against them.
 */
export async function resolveTargets(store: Store, viewer: Viewer, input: string): Promise<Targets> {
  const text = input.trim();
  if (STIX_ID.test(text)) {
    const row = await getObject(store, viewer, text);
    if (!row) throw new AppError('NOT_FOUND', `no object ${text} in the store`);
    return { ids: [row.id] };
  }
  const obs = parseObservable(text);
  if (obs === null)
    throw new AppError(
      'INVALID_INPUT',
      `${JSON.stringify(input)} is neither a STIX id nor a recognizable indicator value`,
    );
  const hits = await findObservable(store, { kind: obs.kind, value: obs.value });
  const visible =
    hits.length === 0
      ? []
      : await store.db
          .selectFrom('objects')
          .select('id')
          .where('id', 'in', [...new Set(hits.map((h) => h.objectId))])
          .where('tlp', '<=', viewer.maxTlp)
          .execute();
  if (visible.length === 0)
    throw new AppError('NOT_FOUND', `${obs.value} (${obs.kind}) is not known in the store`);
  return { ids: visible.map((r) => r.id).sort(), observable: { value: obs.value, kind: obs.kind } };
}
