import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOrgProfile } from '../../src/intel/knowledge/index.ts';
import type { Store } from '../../src/store/store.ts';
import { LOCAL_OPERATOR } from '../../src/store/viewer.ts';
import { applyFactsUpdates } from '../../src/store/vulnerability-facts-repo.ts';
import type { Analysis, AnalyzedThreat } from '../../src/threatmodel/engine/analysis.ts';
import { analyzeModel } from '../../src/threatmodel/engine/analyze.ts';
import {
  analyzeWithIntel,
  attackVersion,
  elementPlatforms,
  gatherAdversary,
  orgTechniqueUses,
  INTEL_PREFIX,
  modelDrift,
  type IntelAnalysis,
} from '../../src/threatmodel/evidence/index.ts';
import {
  groupsNavigatorLayer,
  modelNavigatorLayer,
  type NavigatorLayer,
} from '../../src/threatmodel/report/navigator.ts';
import { AttackBundle } from '../correlate/attack-bundle.ts';
import { corporaPresent } from '../corpora.ts';
import { DIALECTS, freshDb } from '../dialects.ts';
import {
  FIN7,
  financeWebModel,
  ingestAttack,
  ingestFin7Sighting,
  ingestKev,
  ingestTargeting,
  LOG4J_CPE,
} from './fixtures.ts';
import { navigatorVersionOk, validateLayer } from './layer-schema.ts';

const NOW = new Date();
const intelFactors = (t: AnalyzedThreat) =>
  t.factors.filter((f) => f.label.startsWith(`evidence: ${INTEL_PREFIX}`));
const withoutSuggestions = ({ suggestions: _, ...a }: IntelAnalysis): Analysis => a;

/** The ATT&CK ids FIN7 uses per the bundle, with the parent of every sub-technique. */
function fin7Techniques(bundle: AttackBundle): Set<string> {
  const used = bundle
    .links('uses', (s, t) => s === FIN7 && t.startsWith('attack-pattern--'))
    .map((r) => bundle.attackId(r.target_ref as string)!);
  return new Set(used.flatMap((id) => [id, id.split('.')[0]!]));
}

function expectValidLayer(layer: NavigatorLayer, bundle: AttackBundle): void {
  expect(validateLayer(layer), JSON.stringify(validateLayer.errors)).toBe(true);
  expect(navigatorVersionOk(layer.versions.navigator)).toBe(true);
  expect(layer.gradient.maxValue).toBeGreaterThan(layer.gradient.minValue);
  const current = new Set(
    [...bundle.objects.values()]
      .filter((o) => o.type === 'attack-pattern' && bundle.isCurrent(o.id))
      .map((o) => bundle.attackId(o.id)),
  );
  for (const t of layer.techniques) {
    expect(current.has(t.techniqueID), t.techniqueID).toBe(true);
    expect(t.score).toBeGreaterThanOrEqual(layer.gradient.minValue);
    expect(t.score).toBeLessThanOrEqual(layer.gradient.maxValue);
  }
}

describe.skipIf(!corporaPresent).each(DIALECTS)('the model meets the intelligence (%s)', (dialect) => {
  const testDb = freshDb(dialect);
  const model = financeWebModel();
  const plain = analyzeModel(model, { asOf: NOW });
  let store: Store;
  let bundle: AttackBundle;
  let attackOnly: IntelAnalysis;
  let adjusted: IntelAnalysis;

  beforeAll(async () => {
    bundle = new AttackBundle();
    store = await testDb.open();
    await ingestAttack(store);
    await setOrgProfile(store, { sectors: ['financial-services'], countries: ['US'] });
    attackOnly = (await analyzeWithIntel(store, LOCAL_OPERATOR, model, { asOf: NOW })).analysis;
    await ingestTargeting(store);
    await ingestKev(store);
    await applyFactsUpdates(store, [
      { cve: 'CVE-2021-44228', set: {}, fill: { cpes: JSON.stringify([LOG4J_CPE]) } },
    ]);
    adjusted = (await analyzeWithIntel(store, LOCAL_OPERATOR, model, { asOf: NOW })).analysis;
  }, 900_000);
  afterAll(async () => {
    await store?.close();
    await testDb.drop();
  });

  it('ATT&CK alone (no targeting of the profile, no CVE facts) moves nothing', () => {
    expect(withoutSuggestions(attackOnly)).toEqual(plain);
    expect(attackOnly.suggestions).toEqual([]);
  });

  it('likelihoods differ from the plain ones only where there is evidence, and each difference is explained', () => {
    const before = new Map(plain.threats.map((t) => [t.id, t]));
    expect(adjusted.threats.map((t) => t.id).sort()).toEqual([...before.keys()].sort());
    let moved = 0;
    for (const t of adjusted.threats) {
      const p = before.get(t.id)!;
      const intel = intelFactors(t);
      if (intel.length === 0) {
        expect(t).toEqual(p);
        continue;
      }
      const sum = intel.reduce((n, f) => n + f.delta!, 0);
      expect(sum).toBeGreaterThan(0);
      // The only way evidence leaves the rating unchanged is a likelihood already at the top.
      if (t.likelihood === p.likelihood) expect(p.likelihood).toBe(5);
      else {
        moved += 1;
        expect(t.likelihood).toBe(Math.min(5, p.likelihood + Math.min(2, sum)));
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('a group factor appears exactly on the threats whose techniques FIN7 uses', () => {
    const fin7 = fin7Techniques(bundle);
    for (const t of adjusted.threats) {
      const group = intelFactors(t).find((f) => f.label.includes('targeting financial-services'));
      const expected = t.source === 'engine' && t.attack.some((a) => fin7.has(a));
      expect(group !== undefined, t.id).toBe(expected);
      if (group) expect(group.label).toContain('FIN7');
    }
  });

  it('the KEV CVE on the web application’s log4j raises its exploitation threats, not the database’s', () => {
    const hardening = adjusted.threats.find((t) => t.id === 'missing-hardening@web')!;
    const labels = intelFactors(hardening).map((f) => f.label);
    expect(labels.some((l) => l.includes('CVE-2021-44228') && l.includes('log4j') && l.includes('KEV'))).toBe(
      true,
    );
    expect(labels.some((l) => l.includes('(FIN7) uses T1190'))).toBe(true);
    const plainHardening = plain.threats.find((t) => t.id === 'missing-hardening@web')!;
    expect(hardening.likelihood).toBe(Math.min(5, plainHardening.likelihood + 2));
    for (const t of adjusted.threats.filter((x) => x.elementIds.includes('db')))
      expect(intelFactors(t).some((f) => f.label.includes('CVE-'))).toBe(false);
  });

  it('suggests FIN7 techniques no threat covers, against elements of a matching platform', () => {
    const fin7 = fin7Techniques(bundle);
    const named = new Set(adjusted.threats.flatMap((t) => t.attack));
    expect(adjusted.suggestions.length).toBeGreaterThan(0);
    for (const s of adjusted.suggestions) {
      expect(fin7.has(s.technique)).toBe(true);
      expect(named.has(s.technique) || named.has(s.technique.split('.')[0]!)).toBe(false);
      expect(s.groups).toEqual(['FIN7']);
      for (const id of s.elementIds) {
        const e = model.elements.find((x) => x.id === id)!;
        expect(elementPlatforms(e).some((p) => s.platforms.includes(p))).toBe(true);
      }
      expect(s.elementIds).not.toContain('customer');
      expect(s.elementIds).not.toContain('payments');
    }
  });

  it('drift: no baseline first, then the risks a new sighting of FIN7 raised, with the factor that did it', async () => {
    const first = await modelDrift(store, LOCAL_OPERATOR, {
      name: 'webshop',
      model,
      now: NOW.toISOString(),
      asOf: NOW,
    });
    expect(first.baseline).toBeNull();
    const unchanged = await modelDrift(store, LOCAL_OPERATOR, {
      name: 'webshop',
      model,
      now: NOW.toISOString(),
      asOf: NOW,
    });
    expect(unchanged.baseline?.id).toBe(first.savedId);
    expect(unchanged.moved).toEqual([]);

    await ingestFin7Sighting(store, NOW, 3);
    const after = await modelDrift(store, LOCAL_OPERATOR, {
      name: 'webshop',
      model,
      now: NOW.toISOString(),
      asOf: NOW,
    });
    expect(after.baseline?.modelChanged).toBe(false);
    const raised = after.moved.filter((m) => m.change === 'raised');
    expect(raised.length).toBeGreaterThan(0);
    for (const m of after.moved) {
      expect(['raised', 'reasons-changed']).toContain(m.change);
      expect(m.added.some((f) => f.includes('active within the last 90 days') && f.includes('FIN7'))).toBe(
        true,
      );
    }
  });

  it('Navigator layers validate: the model’s threats, and the techniques of the relevant groups', async () => {
    const { analysis, index } = await analyzeWithIntel(store, LOCAL_OPERATOR, model, { asOf: NOW });
    const version = await attackVersion(store, LOCAL_OPERATOR);
    const collection = [...bundle.objects.values()].find((o) => o.type === 'x-mitre-collection')!;
    expect(version).toBe(collection.x_mitre_version);
    const layer = modelNavigatorLayer(analysis, {
      attackVersion: version!,
      resolve: (id) => index.resolved.get(id) ?? id,
    });
    expectValidLayer(layer, bundle);
    expect(layer.versions.attack).toBe(String(collection.x_mitre_version).split('.')[0]);
    const best = new Map<string, number>();
    for (const t of analysis.threats)
      for (const a of t.attack) best.set(a, Math.max(best.get(a) ?? 0, t.risk.current.score));
    expect(new Map(layer.techniques.map((t) => [t.techniqueID, t.score]))).toEqual(best);

    const org = groupsNavigatorLayer(orgTechniqueUses(await gatherAdversary(store, LOCAL_OPERATOR)));
    expectValidLayer(org, bundle);
    const fin7 = bundle
      .links('uses', (s, t) => s === FIN7 && t.startsWith('attack-pattern--'))
      .map((r) => bundle.attackId(r.target_ref as string));
    expect(org.techniques.map((t) => t.techniqueID).sort()).toEqual([...new Set(fin7)].sort());
    expect(org.techniques.every((t) => t.score === 1 && t.comment === 'used by FIN7')).toBe(true);
  });
});
