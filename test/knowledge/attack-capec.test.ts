import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestLocation } from '../../src/intel/ingest/ingest.ts';
import {
  capecsOfTechnique,
  currentTechnique,
  findAttackObjects,
  isCurrent,
  techniquesOfCapec,
  weaknessesOfCapec,
} from '../../src/intel/knowledge/index.ts';
import type { Store } from '../../src/store/store.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { DIALECTS, freshDb } from '../dialects.ts';

type Raw = {
  id: string;
  type: string;
  name?: string;
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
  aliases?: string[];
  relationship_type?: string;
  source_ref?: string;
  target_ref?: string;
  external_references?: { source_name: string; external_id?: string }[];
};

const ATTACK = corpus('attack', 'enterprise-attack.json');
const CAPEC = corpus('capec', 'stix-capec-2.1.json');

/** The bundles read straight from the files, independently of the code under test. */
function bundle(file: string): Raw[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { objects: Raw[] }).objects;
}
const extId = (o: Raw | undefined, source: string) =>
  o?.external_references?.find((r) => r.source_name === source)?.external_id;

describe.skipIf(!corporaPresent).each(DIALECTS)('ATT&CK and CAPEC knowledge on %s', (dialect) => {
  const testDb = freshDb(dialect);
  let store: Store;
  const attack = corporaPresent ? bundle(ATTACK) : [];
  const capec = corporaPresent ? bundle(CAPEC) : [];
  const byId = new Map([...attack, ...capec].map((o) => [o.id, o]));
  beforeAll(async () => {
    store = await testDb.open();
    for (const location of [ATTACK, CAPEC]) {
      const { result } = await ingestLocation({ store, location, format: 'stix', sourceName: location });
      expect(result.counts.rejected).toBe(0);
    }
  });
  afterAll(async () => {
    await store.close();
    await testDb.drop();
  });

  it('resolves T1566 to Phishing with its current sub-techniques', async () => {
    const phishing = attack.find((o) => o.type === 'attack-pattern' && extId(o, 'mitre-attack') === 'T1566')!;
    const subs = attack
      .filter((r) => r.relationship_type === 'subtechnique-of' && r.target_ref === phishing.id && !r.revoked)
      .map((r) => byId.get(r.source_ref!)!)
      .filter((o) => !o.revoked && !o.x_mitre_deprecated)
      .map((o) => extId(o, 'mitre-attack'))
      .sort();
    const [m, ...more] = await findAttackObjects(store, LOCAL_OPERATOR, 't1566');
    expect(more).toEqual([]);
    expect(m).toMatchObject({
      match: 'id',
      current: { id: phishing.id, name: 'Phishing', externalId: 'T1566' },
    });
    expect(m!.subtechniques!.map((s) => s.externalId)).toEqual(subs);
    expect(subs.length).toBeGreaterThan(0);
  });

  it('resolves a revoked technique to its replacement, following chains', async () => {
    const revokedBy = new Map(
      attack.filter((r) => r.relationship_type === 'revoked-by').map((r) => [r.source_ref!, r.target_ref!]),
    );
    const revoked = attack.filter((o) => o.type === 'attack-pattern' && o.revoked && revokedBy.has(o.id));
    expect(revoked.length).toBeGreaterThan(0);
    for (const o of revoked.slice(0, 20)) {
      let end = revokedBy.get(o.id)!;
      while (revokedBy.has(end)) end = revokedBy.get(end)!;
      const r = await currentTechnique(store, LOCAL_OPERATOR, o.id);
      expect(r?.requested.revoked).toBe(true);
      expect(r?.current?.id).toBe(end);
      expect(r?.current?.revoked).toBe(false);
    }
    const hidden = revoked[0]!;
    const [m] = await findAttackObjects(store, LOCAL_OPERATOR, extId(hidden, 'mitre-attack')!);
    expect(m?.object.revoked).toBe(true);
    expect(m?.current?.id).not.toBe(hidden.id);
  });

  it('never shows a deprecated technique as current', async () => {
    const deprecated = attack.find((o) => o.type === 'attack-pattern' && o.x_mitre_deprecated && !o.revoked)!;
    expect(isCurrent(deprecated as Record<string, unknown>)).toBe(false);
    const r = await currentTechnique(store, LOCAL_OPERATOR, deprecated.id);
    expect(r).toMatchObject({ current: undefined, deprecated: true });
  });

  it('finds APT29 by its aliases, case-insensitively', async () => {
    const apt29 = attack.find((o) => o.type === 'intrusion-set' && o.name === 'APT29')!;
    expect(apt29.aliases).toContain('Cozy Bear');
    for (const q of ['cozy bear', 'COZY BEAR', 'apt29', 'Midnight Blizzard', extId(apt29, 'mitre-attack')!]) {
      const found = await findAttackObjects(store, LOCAL_OPERATOR, q);
      expect(found.map((f) => f.object.id)).toEqual([apt29.id]);
    }
    expect(await findAttackObjects(store, LOCAL_OPERATOR, 'cozy')).toEqual([]);
  });

  it('links CAPEC-66 SQL Injection to CWE-89 and CAPEC patterns to ATT&CK techniques', async () => {
    const sqli = capec.find((o) => extId(o, 'capec') === 'CAPEC-66')!;
    const cwes = sqli.external_references!.filter((r) => r.source_name === 'cwe').map((r) => r.external_id);
    const links = await weaknessesOfCapec(store, LOCAL_OPERATOR, 'CAPEC-66');
    expect(
      links
        .filter((l) => l.source === 'capec')
        .map((l) => l.to)
        .sort(),
    ).toEqual([...cwes].sort());
    expect(links.map((l) => l.to)).toContain('CWE-89');

    const withAttack = capec.find((o) => o.type === 'attack-pattern' && !o.revoked && extId(o, 'ATTACK'))!;
    const capecId = extId(withAttack, 'capec')!;
    const expected = withAttack
      .external_references!.filter((r) => r.source_name === 'ATTACK')
      .map((r) => r.external_id);
    const toAttack = await techniquesOfCapec(store, LOCAL_OPERATOR, capecId);
    expect(
      toAttack
        .filter((l) => l.source === 'capec')
        .map((l) => l.to)
        .sort(),
    ).toEqual([...expected].sort());
    const back = await capecsOfTechnique(store, LOCAL_OPERATOR, expected[0]!);
    expect(back.map((l) => l.to)).toContain(capecId);
  });
});
