import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correlate, type CorrelationResult } from '../../src/correlate/correlate.ts';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { ingest } from '../../src/intel/ingest/ingest.ts';
import { createStixSource } from '../../src/intel/sources/stix.ts';
import type { Store } from '../../src/store/store.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import { AttackBundle } from './attack-bundle.ts';

const BUNDLE = corpus('attack', 'enterprise-attack.json');

function stepTargets(r: CorrelationResult, chain: string, step: string): Set<string> {
  const c = r.chains.find((x) => x.name.startsWith(chain));
  const s = c?.steps.find((x) => x.label === step);
  return new Set((s?.hops ?? []).map((h) => h.to));
}

describe.skipIf(!corporaPresent).each(DIALECTS)('correlate on ATT&CK Enterprise (%s)', (dialect) => {
  const testDb = freshDb(dialect);
  let store: Store;
  let attack: AttackBundle;

  beforeAll(async () => {
    attack = new AttackBundle(BUNDLE);
    store = await testDb.open();
    await ingest({
      store,
      records: createStixSource().read({ location: BUNDLE, limits: DEFAULT_LIMITS }),
      format: 'stix',
      sourceName: 'mitre-attack',
      reliability: 'A',
    });
  }, 600_000);
  afterAll(async () => {
    await store.close();
    await testDb.drop();
  });

  it('T1566 lists every current group using phishing or a sub-technique, with aliases', async () => {
    const family = new Set(
      [...attack.objects.keys()].filter((id) => {
        const ext = attack.attackId(id);
        return (
          attack.objects.get(id)!.type === 'attack-pattern' && (ext === 'T1566' || ext?.startsWith('T1566.'))
        );
      }),
    );
    const expected = new Set(
      attack
        .links('uses', (s, t) => s.startsWith('intrusion-set--') && family.has(t))
        .map((r) => r.source_ref as string),
    );
    const r = await correlate(store, LOCAL_OPERATOR, 'T1566');
    expect(r.subjects.map((s) => s.externalId)).toEqual(['T1566']);
    const groups = stepTargets(r, 'technique → groups', 'groups using them');
    expect(expected.size).toBeGreaterThan(50);
    expect([...groups].sort()).toEqual([...expected].sort());
    for (const id of groups) {
      const raw = attack.objects.get(id)!;
      expect(r.nodes[id]!.aliases).toEqual(
        expect.arrayContaining((raw.aliases as string[] | undefined) ?? []),
      );
    }
    expect(r.truncated).toBe(false);
  });

  it('a group by alias lists its techniques and their mitigations, as the bundle has them', async () => {
    const group = attack.byAttackId('G0007');
    const alias = (attack.objects.get(group)!.aliases as string[]).find(
      (a) => a !== attack.objects.get(group)!.name,
    )!;
    const techniques = new Set(
      attack
        .links('uses', (s, t) => s === group && t.startsWith('attack-pattern--'))
        .map((r) => r.target_ref as string),
    );
    const mitigations = new Set(
      attack
        .links('mitigates', (s, t) => s.startsWith('course-of-action--') && techniques.has(t))
        .map((r) => r.source_ref as string),
    );
    const r = await correlate(store, LOCAL_OPERATOR, alias);
    expect(r.subjects.map((s) => s.id)).toEqual([group]);
    expect(stepTargets(r, 'group → techniques', 'techniques used')).toEqual(techniques);
    expect(stepTargets(r, 'group → techniques', 'mitigations')).toEqual(mitigations);
    const hop = r.chains[0]!.steps[0]!.hops[0]!;
    expect(hop.relationship.type).toBe('uses');
    expect(hop.relationship.id).toMatch(/^relationship--/);
    expect(hop.sources).toEqual(['mitre-attack']);
  });

  it('a revoked technique is followed to its replacement, never shown as current', async () => {
    const revoked = attack.relationships.find(
      (r) =>
        r.relationship_type === 'revoked-by' &&
        attack.isCurrent(r.target_ref as string) &&
        attack.attackId(r.source_ref as string),
    )!;
    const r = await correlate(store, LOCAL_OPERATOR, attack.attackId(revoked.source_ref as string)!);
    expect(r.subjects.map((s) => s.id)).toEqual([revoked.target_ref]);
    expect(r.replaced).toEqual([{ revoked: revoked.source_ref, by: revoked.target_ref }]);
    for (const id of Object.keys(r.nodes)) expect(attack.isCurrent(id)).toBe(true);
  });

  it('unknown input is a NOT_FOUND error', async () => {
    await expect(correlate(store, LOCAL_OPERATOR, 'no such group anywhere')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
