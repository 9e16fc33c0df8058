import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlate } from '../../src/correlate/correlate.ts';
import type { Store } from '../../src/store/store.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { insertGraph, sid } from './graph-rows.ts';

const HUB_LINKS = 100_000;

describe.each(DIALECTS)('bounded correlation walks (%s)', (dialect) => {
  const testDb = freshDb(dialect);
  let store: Store;
  const [a, b, c] = [1, 2, 3].map((n) => sid('x-test-node', n)) as [string, string, string];
  const hub = sid('intrusion-set', 1);

  beforeAll(async () => {
    store = await testDb.open();
    await insertGraph(store, {
      objects: [{ id: a }, { id: b }, { id: c }, { id: hub, name: 'Hub Group' }],
      links: [
        [a, 'related-to', b],
        [b, 'related-to', c],
        [c, 'related-to', a],
        [a, 'related-to', a],
        [b, 'related-to', sid('x-test-node', 999)],
      ],
    });
    const techniques = Array.from({ length: HUB_LINKS }, (_, i) => ({ id: sid('attack-pattern', i + 1) }));
    await insertGraph(store, { objects: techniques, links: techniques.map((t) => [hub, 'uses', t.id]) });
  }, 300_000);
  afterAll(async () => {
    await store.close();
    await testDb.drop();
  });

  it('cycles, self-references and dangling references end the walk and are reported', async () => {
    const r = await correlate(store, LOCAL_OPERATOR, a, { depth: 8 });
    expect(Object.keys(r.nodes).sort()).toEqual([a, b, c].sort());
    expect(r.anomalies.selfReferences).toEqual([`ref:${a}:test-3:${a}`]);
    expect(r.anomalies.dangling).toEqual([sid('x-test-node', 999)]);
    expect(r.anomalies.revisits).toBeGreaterThan(0);
    expect(r.truncated).toBe(false);
  });

  it('an actor related to 100,000 objects is read up to the per-node cap, and the cut is reported', async () => {
    const r = await correlate(store, LOCAL_OPERATOR, 'Hub Group', {
      limits: { perNode: 500, maxNodes: 20_000 },
    });
    const chain = r.chains.find((x) => x.name.startsWith('group → techniques'))!;
    expect(chain.steps[0]!.hops).toHaveLength(500);
    expect(chain.truncated).toEqual([
      { step: 'techniques used', reason: 'per-node cap', at: hub, limit: 500 },
    ]);
    expect(r.truncated).toBe(true);
  });

  it('the node cap of the whole correlation stops the walk and is reported', async () => {
    const r = await correlate(store, LOCAL_OPERATOR, hub, { limits: { perNode: 5000, maxNodes: 100 } });
    expect(Object.keys(r.nodes)).toHaveLength(100);
    expect(r.chains[0]!.truncated).toContainEqual({
      step: 'techniques used',
      reason: 'node cap',
      limit: 100,
    });
  });

  it('objects above the viewer clearance are never reached', async () => {
    const secret = sid('x-test-node', 50);
    await insertGraph(store, { objects: [{ id: secret, tlp: 4 }], links: [[c, 'related-to', secret]] });
    const r = await correlate(store, { maxTlp: 2 }, a, { depth: 8 });
    expect(Object.keys(r.nodes)).not.toContain(secret);
    expect(r.anomalies.dangling).not.toContain(secret);
    expect(r.anomalies.hidden).toBe(0);
    await expect(correlate(store, { maxTlp: 2 }, secret)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
