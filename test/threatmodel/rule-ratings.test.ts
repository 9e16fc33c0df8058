import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzedThreat, Analysis } from '../../src/threatmodel/engine/analysis.ts';
import type { Factor } from '../../src/threatmodel/risk/factor.ts';
import { BUILT_IN_RULES } from '../../src/threatmodel/rules/library.ts';
import { DEMO, FIXTURES, analyzeFile } from './fixture-analyses.ts';

const analyses = new Map<string, Analysis>();
beforeAll(async () => {
  for (const file of FIXTURES) analyses.set(file, await analyzeFile(file));
});
const engineThreats = () =>
  [...analyses.values()].flatMap((a) => a.threats.filter((t) => t.source === 'engine'));
const demo = (id: string) => analyses.get(DEMO)!.threats.find((t) => t.id === id);

/** Replays the factors of one stage: a factor with a value sets it, one with a delta moves it. */
function replay(factors: readonly Factor[], stage: Factor['stage']): number {
  let value = 0;
  for (const f of factors.filter((x) => x.stage === stage)) {
    if (f.value !== undefined) value = f.value;
    else if (f.delta !== undefined) value += f.delta;
  }
  return value;
}

describe('the rule library on realistic models', () => {
  it('fires every built-in rule on at least one fixture', () => {
    const fired = new Set(engineThreats().map((t) => t.ruleId));
    expect(BUILT_IN_RULES.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });

  it('explains every likelihood and impact by the factors it lists', () => {
    const unexplained = engineThreats().filter(
      (t: AnalyzedThreat) =>
        replay(t.factors, 'likelihood') !== t.likelihood || replay(t.factors, 'impact') !== t.impact,
    );
    expect(unexplained.map((t) => t.id)).toEqual([]);
  });

  it('never rates reconnaissance above impact 1, whatever the assets are worth', () => {
    const recon = engineThreats().filter((t) =>
      ['fingerprinting', 'footprinting', 'vulnerability-scanning'].includes(t.ruleId),
    );
    expect(recon.length).toBeGreaterThan(3);
    expect(recon.filter((t) => t.impact > 1).map((t) => t.id)).toEqual([]);
    expect(recon.every((t) => t.factors.some((f) => f.label.startsWith('reconnaissance')))).toBe(true);
  });

  it('rates denial of service on availability, not on the confidentiality of the data', () => {
    // The demo's core database holds data rated C5 I5 but A4, with no stated criticality.
    expect(demo('datastore-exhaustion@core')?.impact).toBe(4);
    expect(demo('single-point-of-failure@core')?.impact).toBe(4);
  });
});

describe('applicability on the banking demo', () => {
  it('keeps abuse of business functions off a core-banking database and an internal API', () => {
    const ids = analyses.get(DEMO)!.threats.map((t) => t.id);
    for (const id of [
      'spamming@core',
      'skewing@core',
      'scraping@core',
      'account-creation@core',
      'cashing-out@api',
    ])
      expect(ids).not.toContain(id);
    // They stay on the function people use: the internet portal that moves money and holds logins.
    expect(ids).toEqual(expect.arrayContaining(['cashing-out@portal', 'account-creation@portal']));
  });

  it('rates fingerprinting of the login flow as the information leak it is', () => {
    const t = demo('fingerprinting@login')!;
    expect(t.impact).toBe(1);
    expect(['low', 'medium']).toContain(t.risk.inherent.band);
  });

  it('does not let MFA on the portal lower threats that do not pass through the login', () => {
    for (const id of ['fingerprinting@login', 'session-hijacking@portal', 'clickjacking@portal'])
      expect(demo(id)!.factors.some((f) => f.label.startsWith('strong authentication'))).toBe(false);
    expect(demo('broken-function-level-authorization@portal')!.factors).toContainEqual({
      stage: 'likelihood',
      label: 'strong authentication (mfa)',
      delta: -1,
    });
  });

  it('needs a foothold for sniffing the internal link from the DMZ, but not for the internet login', () => {
    const internal = demo('unencrypted-communication@portal-api')!;
    expect(internal.factors.map((f) => f.label)).toContain(
      'internal link: the attacker needs a foothold on its path',
    );
    expect(demo('unencrypted-communication@login')!.factors.map((f) => f.label)).toContain(
      'carries traffic from the internet',
    );
    expect(internal.likelihood).toBeLessThan(demo('unencrypted-communication@login')!.likelihood);
  });
});
