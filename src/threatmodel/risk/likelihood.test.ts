import { describe, expect, it } from 'vitest';
import { ModelGraph } from '../engine/graph.ts';
import type { Target } from '../engine/target.ts';
import { ModelSchema } from '../model/schema.ts';
import { type LikelihoodInput, rateLikelihood } from './likelihood.ts';
import type { RiskProfile } from './profile.ts';

/** Internet user → portal (DMZ, MFA) → API (internal) → database (internal, same zone). */
const graph = new ModelGraph(
  ModelSchema.parse({
    title: 'exposure',
    elements: [
      { id: 'user', kind: 'actor', type: 'human' },
      { id: 'portal', kind: 'process', internetFacing: true, authentication: 'mfa' },
      { id: 'api', kind: 'process' },
      { id: 'db', kind: 'datastore' },
      { id: 'batch', kind: 'process' },
    ],
    dataFlows: [
      { id: 'login', source: 'user', destination: 'portal', protocol: 'https' },
      { id: 'call', source: 'portal', destination: 'api', protocol: 'http' },
      { id: 'query', source: 'api', destination: 'db', protocol: 'postgresql' },
      { id: 'load', source: 'batch', destination: 'db', protocol: 'postgresql' },
    ],
    trustBoundaries: [
      { id: 'internet', type: 'internet', elements: ['user'] },
      { id: 'dmz', type: 'dmz', elements: ['portal'] },
      { id: 'lan', type: 'internal-network', elements: ['api', 'db', 'batch'] },
    ],
  }),
);
const on = (kind: 'element' | 'flow', id: string): Target => ({
  kind,
  view: (kind === 'element' ? graph.elements : graph.flows).get(id)!,
});
const rated = (target: Target, profile?: RiskProfile, extra: Partial<LikelihoodInput> = {}) =>
  rateLikelihood({ base: 3, target, graph, profile, request: () => ({}) as never, ...extra });
const deltas = (r: ReturnType<typeof rated>) =>
  r.factors.filter((f) => f.delta !== undefined).map((f) => f.label);

describe('likelihood from base and exposure', () => {
  it('raises internet-facing targets and boundary crossings, lowers unreachable ones and strong authentication', () => {
    expect(deltas(rated(on('element', 'portal')))).toEqual([
      'exposed to the internet',
      'strong authentication (mfa)',
    ]);
    expect(rated(on('flow', 'call')).value).toBe(4);
    expect(rated(on('flow', 'load'))).toMatchObject({ value: 2 });
  });

  it('ignores strong authentication for attacks that do not pass through it', () => {
    expect(rated(on('element', 'portal'), { ignoresAuthentication: true }).value).toBe(4);
  });

  it('counts only internet links for attacks on the link itself', () => {
    const adjacent: RiskProfile = { vector: 'adjacent' };
    expect(rated(on('flow', 'login'), adjacent).value).toBe(4);
    const internal = rated(on('flow', 'call'), adjacent);
    expect(internal.value).toBe(3);
    expect(internal.factors).toContainEqual({
      stage: 'likelihood',
      label: 'internal link: the attacker needs a foothold on its path',
    });
    expect(rated(on('flow', 'load'), adjacent).value).toBe(2);
  });

  it('does not count internet exposure for attacks that need the host, code or data first', () => {
    const local = rated(on('element', 'portal'), { vector: 'local' });
    expect(local.value).toBe(3);
    expect(deltas(local)).toEqual([]);
    expect(rated(on('element', 'batch'), { vector: 'local' }).value).toBe(3);
  });

  it('keeps the evidence hook bounded to two points whatever the profile', () => {
    const evidence = { adjust: () => [{ delta: 4, explanation: 'seen' }] };
    const r = rated(on('element', 'portal'), { vector: 'local' }, { evidence });
    expect(r.value).toBe(5);
    expect(r.factors).toContainEqual({ stage: 'likelihood', label: 'evidence bounded to +2', delta: -2 });
  });
});
