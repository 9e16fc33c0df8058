import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../dialects.ts';

describe.each(DIALECTS)('store on %s', (dialect) => {
  const testDb = freshDb(dialect);
  afterAll(() => testDb.drop());

  it('creates every table on first open and opens again without re-running migrations', async () => {
    const store = await testDb.open();
    const tables = await store.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const t of [
      'objects',
      'object_versions',
      'relationships',
      'observables',
      'sources',
      'provenance',
      'feeds',
      'feed_runs',
    ]) {
      expect(names).toContain(t);
    }
    await store.db
      .insertInto('sources')
      .values({ name: 'keep-me', reliability: 'B', tlp: 'clear', created: '2026-01-01T00:00:00Z' })
      .execute();
    await store.close();

    const again = await testDb.open();
    const rows = await again.db.selectFrom('sources').select('name').execute();
    expect(rows.map((r) => r.name)).toEqual(['keep-me']);
    await again.close();
  });
});
