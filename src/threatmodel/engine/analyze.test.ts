import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelText } from '../model/parse.ts';
import type { RuleInput } from '../model/rule-schema.ts';
import { ModelSchema, type ThreatModel, type ThreatModelInput } from '../model/schema.ts';
import { analyzeModel } from './analyze.ts';

const FILE = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'models', 'webshop.yaml');
const base = parseModelText(readFileSync(FILE, 'utf8'), FILE);
const AS_OF = new Date('2030-01-01');
const withChanges = (changes: Partial<ThreatModelInput>): ThreatModel =>
  ModelSchema.parse({ ...base, ...changes });
const analyze = (model: ThreatModel = base) => analyzeModel(model, { asOf: AS_OF });
const find = (model: ThreatModel, id: string) => analyze(model).threats.find((t) => t.id === id);

describe('analyzeModel on the web shop', () => {
  const analysis = analyze();

  it('finds injection, XSS and phishing with their mappings and stable ids', () => {
    const sqli = analysis.threats.find((t) => t.id === 'sql-injection@query');
    expect(sqli).toMatchObject({
      ruleId: 'sql-injection',
      stride: 'tampering',
      elementIds: ['query'],
      cwe: ['CWE-89'],
      capec: ['CAPEC-66'],
      attack: ['T1190'],
      status: 'open',
    });
    expect(analysis.threats.map((t) => t.id)).toEqual(
      expect.arrayContaining(['cross-site-scripting@web', 'phishing@customer', 'credential-stuffing@web']),
    );
    expect(new Set(analysis.threats.map((t) => t.id)).size).toBe(analysis.threats.length);
    for (const t of analysis.threats) expect(t.id).toBe(`${t.ruleId}@${t.elementIds[0]}`);
  });

  it('is deterministic', () => {
    expect(analyze()).toEqual(analysis);
  });

  it('explains every rating with its factors', () => {
    const t = analysis.threats.find((x) => x.id === 'credential-stuffing@web')!;
    expect(t.factors).toEqual(
      expect.arrayContaining([
        { stage: 'likelihood', label: 'base likelihood of the rule', value: 4 },
        { stage: 'likelihood', label: 'exposed to the internet', delta: 1 },
        { stage: 'impact', label: 'asset criticality 5', delta: 1 },
      ]),
    );
    expect(t.risk.inherent).toEqual({ likelihood: 5, impact: 5, score: 25, band: 'critical' });
  });

  it('reports a threat defeated by a control the model states as mitigated', () => {
    const t = analysis.threats.find((x) => x.id === 'unencrypted-communication@browse')!;
    expect(t.status).toBe('mitigated');
    expect(t.mitigations[0]).toMatchObject({ status: 'control-present' });
    expect(t.risk.current.score).toBeLessThan(t.risk.inherent.score);
  });

  it('does not raise threats on elements that are out of scope', () => {
    const model = withChanges({
      elements: base.elements.map((e) => (e.id === 'customer' ? { ...e, outOfScope: true } : e)),
    });
    expect(analyze(model).threats.filter((t) => t.elementIds.includes('customer'))).toEqual([]);
  });

  it('orders threats by current risk and builds a register of the open ones', () => {
    const scores = analysis.threats.map((t) => t.risk.current.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(analysis.register.length).toBe(analysis.summary.open);
    expect(analysis.register[0]).toMatchObject({
      rank: 1,
      threatId: analysis.threats.find((t) => t.status === 'open')!.id,
    });
  });
});

describe('mitigations, decisions and suppressions', () => {
  it('lowers current risk for implemented mitigations and projected risk for planned ones', () => {
    const model = withChanges({
      mitigations: [
        {
          id: 'm1',
          title: 'Parameterized queries',
          status: 'implemented',
          effectiveness: 'high',
          threats: ['sql-injection@query'],
        },
        {
          id: 'm2',
          title: 'Encoding',
          status: 'planned',
          effectiveness: 0.6,
          threats: ['cross-site-scripting@web'],
        },
      ],
    });
    const sqli = find(model, 'sql-injection@query')!;
    expect(sqli.risk.current.likelihood).toBe(1);
    expect(sqli.status).toBe('mitigated');
    expect(sqli.mitigations[0]).toMatchObject({ id: 'm1', status: 'implemented', effectiveness: 0.9 });
    const xss = find(model, 'cross-site-scripting@web')!;
    expect(xss.risk.current).toEqual(xss.risk.inherent);
    expect(xss.risk.projected.likelihood).toBe(2);
    expect(xss.status).toBe('open');
  });

  it('applies decisions by exact id and by wildcard, and ignores an expired acceptance', () => {
    const model = withChanges({
      decisions: {
        'sql-injection@query': {
          status: 'accepted',
          justification: 'legacy',
          by: 'ciso',
          expires: '2040-01-01',
        },
        'phishing@*': { status: 'transferred', to: 'insurer' },
        'cross-site-scripting@web': {
          status: 'accepted',
          justification: 'old',
          by: 'ciso',
          expires: '2020-01-01',
        },
        'no-such-rule@x': { status: 'false-positive', reason: 'n/a' },
      },
    });
    const analysis = analyze(model);
    const get = (id: string) => analysis.threats.find((t) => t.id === id)!;
    expect(get('sql-injection@query')).toMatchObject({ status: 'accepted', decision: { by: 'ciso' } });
    expect(get('phishing@customer').status).toBe('transferred');
    expect(get('cross-site-scripting@web').status).toBe('open');
    expect(get('cross-site-scripting@web').factors).toContainEqual({
      stage: 'status',
      label: 'acceptance by ciso expired on 2020-01-01',
    });
    expect(analysis.warnings).toContain(
      "a decision names threat 'no-such-rule@x', which the analysis did not find",
    );
  });

  it('moves a suppressed threat out of the list with its reason', () => {
    const analysis = analyze(
      withChanges({ suppressions: [{ ruleId: 'sql-injection', elementId: 'query', reason: 'ORM only' }] }),
    );
    expect(analysis.threats.some((t) => t.id === 'sql-injection@query')).toBe(false);
    expect(analysis.suppressed).toEqual([
      { threatId: 'sql-injection@query', ruleId: 'sql-injection', elementId: 'query', reason: 'ORM only' },
    ]);
  });
});

describe('custom rules, carried threats and evidence', () => {
  it("runs the model's own rules and lets them replace a library rule", () => {
    const rule: RuleInput = {
      id: 'phishing',
      title: 'Our phishing',
      stride: 'spoofing',
      appliesTo: ['actor'],
      applies: "hasTechnology('email')",
      likelihood: 2,
      impact: ['C'],
      cwe: ['CWE-1021'],
    };
    const custom: RuleInput = {
      ...rule,
      id: 'payments-outage',
      title: 'PSP outage',
      stride: 'denial-of-service',
      appliesTo: ['external-entity'],
      applies: "isType('payment-service')",
      impact: ['A'],
    };
    const analysis = analyze(withChanges({ rules: [rule, custom] }));
    expect(analysis.threats.find((t) => t.id === 'payments-outage@payments')).toMatchObject({
      title: 'PSP outage',
      stride: 'denial-of-service',
    });
    expect(analysis.threats.some((t) => t.id === 'phishing@customer')).toBe(false);
    expect(analysis.warnings).toContain("model rule 'phishing' replaces the library rule of that id");
  });

  it("rates a model rule that reuses a library id without the library rule's profile", () => {
    const rule: RuleInput = {
      id: 'fingerprinting',
      title: 'Our fingerprinting',
      stride: 'information-disclosure',
      appliesTo: ['flow'],
      applies: "crossesBoundaryType('internet')",
      likelihood: 3,
      impact: ['C'],
      cwe: ['CWE-200'],
    };
    const library = find(base, 'fingerprinting@browse')!;
    const own = find(withChanges({ rules: [rule] }), 'fingerprinting@browse')!;
    expect(library.impact).toBe(1);
    expect(own.impact).toBe(4);
    expect(own.factors.some((f) => f.label.startsWith('reconnaissance'))).toBe(false);
  });

  it('keeps threats the model carries, merging one the engine also finds', () => {
    const analysis = analyze(
      withChanges({
        threats: [
          {
            id: 'td-1',
            title: 'Imported threat',
            stride: 'spoofing',
            elementIds: ['web'],
            status: 'mitigated',
            severity: 'high',
            mitigation: 'WAF rules',
          },
          { id: 'sql-injection@query', title: 'SQLi', elementIds: ['query'], status: 'accepted' },
        ],
      }),
    );
    expect(analysis.threats.find((t) => t.id === 'td-1')).toMatchObject({
      source: 'model',
      status: 'mitigated',
      likelihood: 4,
      impact: 4,
      mitigations: [{ title: 'WAF rules', status: 'described' }],
    });
    const merged = analysis.threats.filter((t) => t.id === 'sql-injection@query');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ source: 'engine', status: 'accepted', cwe: ['CWE-89'] });
  });

  it('moves likelihood by evidence, bounded to two points, and explains it', () => {
    const requests: string[] = [];
    const evidence = {
      adjust: (r: { threatId: string; technologies: readonly string[] }) => {
        requests.push(r.threatId);
        return r.threatId === 'actor-repudiation@customer'
          ? [
              { delta: 3, explanation: 'actor seen' },
              { delta: 2, explanation: 'kev' },
            ]
          : [];
      },
    };
    const analysis = analyzeModel(base, { asOf: AS_OF, evidence });
    const t = analysis.threats.find((x) => x.id === 'actor-repudiation@customer')!;
    const plain = analyze().threats.find((x) => x.id === 'actor-repudiation@customer')!;
    expect(t.likelihood).toBe(plain.likelihood + 2);
    expect(t.factors).toContainEqual({ stage: 'likelihood', label: 'evidence: actor seen', delta: 3 });
    expect(t.factors).toContainEqual({ stage: 'likelihood', label: 'evidence bounded to +2', delta: -3 });
    expect(requests.length).toBe(analysis.threats.length);
  });
});
