import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelText } from '../../src/threatmodel/model/parse.ts';
import {
  loadStoredModel,
  modelHistory,
  reviewModel,
  saveModel,
} from '../../src/threatmodel/registry/model-registry.ts';
import { DIALECTS, useFreshStore } from '../dialects.ts';

const FILE = join(import.meta.dirname, '..', 'fixtures', 'models', 'webshop.yaml');
const model = parseModelText(readFileSync(FILE, 'utf8'), FILE);
const now = '2026-11-01T10:00:00.000Z';

describe.each(DIALECTS)('stored models on %s', (dialect) => {
  const store = useFreshStore(dialect);

  it('keeps immutable versions, skips a save of the same document, and returns each version as saved', async () => {
    expect(await saveModel(store(), { name: 'shop', model, author: 'alice', now })).toEqual({
      name: 'shop',
      version: 1,
      saved: true,
    });
    expect(
      (await saveModel(store(), { name: 'shop', model: structuredClone(model), author: 'alice', now })).saved,
    ).toBe(false);
    const changed = { ...model, title: `${model.title ?? 'model'} v2` };
    expect(
      await saveModel(store(), { name: 'shop', model: changed, author: 'alice', message: 'retitle', now }),
    ).toMatchObject({ version: 2, saved: true });
    expect((await loadStoredModel(store(), 'shop', 1)).document).toEqual(JSON.parse(JSON.stringify(model)));
    expect((await loadStoredModel(store(), 'shop')).document.title).toBe(changed.title);
  });

  it('moves through review; its author cannot approve it; a new version goes back to draft', async () => {
    await reviewModel(store(), { name: 'shop', actor: 'alice', action: 'request-review', now });
    expect((await modelHistory(store(), 'shop')).model.status).toBe('in-review');
    await expect(
      reviewModel(store(), { name: 'shop', actor: 'alice', action: 'approve', now }),
    ).rejects.toThrow(/cannot approve/);
    await reviewModel(store(), {
      name: 'shop',
      actor: 'bob',
      action: 'comment',
      comment: 'ok with the SQLi decision',
      threatId: 'sql-injection@api',
      now,
    });
    await reviewModel(store(), { name: 'shop', actor: 'bob', action: 'approve', now });
    const approved = await modelHistory(store(), 'shop');
    expect(approved.model).toMatchObject({ status: 'approved', approvedVersion: 2 });
    expect(approved.reviews.map((r) => [r.actor, r.action, r.threatId])).toEqual([
      ['alice', 'request-review', null],
      ['bob', 'comment', 'sql-injection@api'],
      ['bob', 'approve', null],
    ]);
    await saveModel(store(), { name: 'shop', model: { ...model, title: 'v3' }, author: 'alice', now });
    expect((await modelHistory(store(), 'shop')).model).toMatchObject({
      status: 'draft',
      latestVersion: 3,
      approvedVersion: 2,
    });
  });

  it('names the missing model', async () => {
    await expect(modelHistory(store(), 'nope')).rejects.toThrow(/no model named nope/);
  });
});
