import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corporaPresent, corpus } from '../../../test/corpora.ts';
import { compileCondition } from '../conditions/compile.ts';
import { STRIDE, type RuleTarget, type Stride } from '../model/rule-schema.ts';
import { BUILT_IN_RULES } from './library.ts';

const byId = new Map(BUILT_IN_RULES.map((r) => [r.id, r]));

/** Threagile's 42 built-in rules (reference §2.1) and the library rules that cover each. */
const THREAGILE: Record<string, string[]> = {
  'accidental-secret-leak': ['accidental-secret-leak'],
  'code-backdooring': ['code-backdooring'],
  'container-baseimage-backdooring': ['container-baseimage-backdooring'],
  'container-platform-escape': ['container-platform-escape'],
  'cross-site-request-forgery': ['cross-site-request-forgery'],
  'cross-site-scripting': ['cross-site-scripting'],
  'dos-risky-access-across-trust-boundary': ['dos-risky-access-across-trust-boundary'],
  'incomplete-model': ['incomplete-model-technology', 'incomplete-model-protocol'],
  'ldap-injection': ['ldap-injection'],
  'missing-authentication': ['missing-authentication'],
  'missing-authentication-second-factor': ['missing-authentication-second-factor'],
  'missing-build-infrastructure': ['missing-build-infrastructure'],
  'missing-cloud-hardening': ['missing-cloud-hardening'],
  'missing-file-validation': ['missing-file-validation'],
  'missing-hardening': ['missing-hardening'],
  'missing-identity-propagation': ['missing-identity-propagation'],
  'missing-identity-provider-isolation': ['missing-identity-provider-isolation'],
  'missing-identity-store': ['missing-identity-store'],
  'missing-network-segmentation': ['missing-network-segmentation'],
  'missing-vault': ['missing-vault'],
  'missing-vault-isolation': ['missing-vault-isolation'],
  'missing-waf': ['missing-waf'],
  'mixed-targets-on-shared-runtime': ['mixed-targets-on-shared-runtime'],
  'path-traversal': ['path-traversal'],
  'push-instead-of-pull-deployment': ['push-instead-of-pull-deployment'],
  'search-query-injection': ['search-query-injection'],
  'server-side-request-forgery': ['server-side-request-forgery'],
  'service-registry-poisoning': ['service-registry-poisoning'],
  'sql-nosql-injection': ['sql-injection', 'nosql-injection'],
  'unchecked-deployment': ['unchecked-deployment'],
  'unencrypted-asset': ['unencrypted-asset'],
  'unencrypted-communication': ['unencrypted-communication'],
  'unguarded-access-from-internet': ['unguarded-access-from-internet'],
  'unguarded-direct-datastore-access': ['unguarded-direct-datastore-access'],
  'unnecessary-communication-link': ['unnecessary-communication-link'],
  'unnecessary-data-asset': ['unnecessary-data-asset'],
  'unnecessary-data-transfer': ['unnecessary-data-transfer'],
  'unnecessary-technical-asset': ['unnecessary-technical-asset'],
  'untrusted-deserialization': ['untrusted-deserialization'],
  'wrong-communication-link-content': ['wrong-communication-link-content'],
  'wrong-trust-boundary-content': ['wrong-trust-boundary-content'],
  'xml-external-entity': ['xml-external-entity'],
};

/** Threat Dragon's "new threat by context" suggestions (reference §2.3 B). */
const THREAT_DRAGON_CONTEXT = [
  'captcha-defeat',
  'credential-stuffing',
  'public-network-without-encryption',
  'vulnerable-transport-protocol',
  'fingerprinting',
  'least-privilege',
  'expedition',
  'vulnerability-scanning',
  'dos-internet-facing',
  'carding',
  'card-cracking',
  'cashing-out',
  'footprinting',
  'sniping',
  'denial-of-inventory',
  'scraping',
  'skewing',
  'spamming',
  'credential-cracking',
  'account-creation',
  'account-aggregation',
  'coupon-cracking',
  'scalping',
  'vulnerable-encryption-algorithm',
  'vulnerable-signature',
  'sensitive-data-in-logs',
];

/** Threat Dragon's STRIDE categories per element type (reference §2.3 A). */
const THREAT_DRAGON_STRIDE: [RuleTarget, Stride[]][] = [
  ['actor', ['spoofing', 'repudiation']],
  ['datastore', ['tampering', 'repudiation', 'information-disclosure', 'denial-of-service']],
  ['process', [...STRIDE]],
  ['flow', ['tampering', 'information-disclosure', 'denial-of-service']],
];

/** The threats the issue lists by name. */
const ISSUE_TOPICS = [
  'phishing',
  'social-engineering',
  'credential-stuffing',
  'brute-force',
  'session-hijacking',
  'server-side-request-forgery',
  'untrusted-deserialization',
  'xml-external-entity',
  'sql-injection',
  'nosql-injection',
  'ldap-injection',
  'os-command-injection',
  'template-injection',
  'cross-site-scripting',
  'cross-site-request-forgery',
  'path-traversal',
  'missing-authentication',
  'missing-authorization',
  'broken-object-level-authorization',
  'hardcoded-credentials',
  'accidental-secret-leak',
  'secrets-in-store',
  'dependency-compromise',
  'ci-cd-pipeline-compromise',
  'container-platform-escape',
  'missing-cloud-hardening',
  'unencrypted-communication',
  'unencrypted-asset',
  'log-tampering',
  'missing-audit-logging',
  'dos-internet-facing',
  'privilege-escalation',
  'third-party-data-exposure',
];

describe('built-in rule library', () => {
  it('has at least 80 rules with unique ids', () => {
    expect(BUILT_IN_RULES.length).toBeGreaterThanOrEqual(80);
    expect(byId.size).toBe(BUILT_IN_RULES.length);
  });

  it.each(BUILT_IN_RULES.map((r) => [r.id, r] as const))(
    '%s maps to STRIDE and a weakness or attack id, and its conditions compile',
    (_id, rule) => {
      expect(STRIDE).toContain(rule.stride);
      expect(rule.cwe.length + rule.capec.length + rule.attack.length).toBeGreaterThan(0);
      expect(rule.mitigations.length).toBeGreaterThan(0);
      expect(rule.references.length).toBeGreaterThan(0);
      expect(() => compileCondition(rule.applies, { ruleId: rule.id, field: 'applies' })).not.toThrow();
      expect(() => compileCondition(rule.missing, { ruleId: rule.id, field: 'missing' })).not.toThrow();
    },
  );

  it("covers every one of Threagile's 42 rules", () => {
    expect(Object.keys(THREAGILE)).toHaveLength(42);
    const missing = Object.values(THREAGILE)
      .flat()
      .filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
  });

  it("covers Threat Dragon's context suggestions and its STRIDE categories per element type", () => {
    expect(THREAT_DRAGON_CONTEXT.filter((id) => !byId.has(id))).toEqual([]);
    const gaps = THREAT_DRAGON_STRIDE.flatMap(([target, categories]) =>
      categories
        .filter((s) => !BUILT_IN_RULES.some((r) => r.stride === s && r.appliesTo.includes(target)))
        .map((s) => `${target}/${s}`),
    );
    expect(gaps).toEqual([]);
  });

  it('covers every threat the issue names', () => {
    expect(ISSUE_TOPICS.filter((id) => !byId.has(id))).toEqual([]);
  });
});

describe.skipIf(!corporaPresent)('rule mappings against the real catalogues', () => {
  const ids = (key: 'cwe' | 'capec' | 'attack') => [...new Set(BUILT_IN_RULES.flatMap((r) => r[key]))];
  const externalIds = (
    objects: { type: string; external_references?: { source_name: string; external_id?: string }[] }[],
    source: string,
    type: string,
  ) =>
    objects
      .filter((o) => o.type === type)
      .map((o) => ({ o, id: o.external_references?.find((r) => r.source_name === source)?.external_id }));

  it('uses only ATT&CK techniques and mitigations that exist and are neither revoked nor deprecated', () => {
    const bundle = JSON.parse(readFileSync(corpus('attack', 'enterprise-attack.json'), 'utf8'));
    const alive = (type: string) =>
      new Set(
        externalIds(bundle.objects, 'mitre-attack', type)
          .filter(
            ({ o }) =>
              !(o as { revoked?: boolean }).revoked &&
              !(o as { x_mitre_deprecated?: boolean }).x_mitre_deprecated,
          )
          .map(({ id }) => id),
      );
    const techniques = alive('attack-pattern');
    const mitigations = alive('course-of-action');
    expect(ids('attack').filter((t) => !techniques.has(t))).toEqual([]);
    const used = [...new Set(BUILT_IN_RULES.flatMap((r) => r.mitigations.flatMap((m) => m.attack ?? [])))];
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((m) => !mitigations.has(m))).toEqual([]);
  });

  it('uses only CAPEC patterns that exist and are not deprecated', () => {
    const bundle = JSON.parse(readFileSync(corpus('capec', 'stix-capec-2.1.json'), 'utf8'));
    const alive = new Set(
      externalIds(bundle.objects, 'capec', 'attack-pattern')
        .filter(
          ({ o }) =>
            !['Deprecated', 'Obsolete'].includes((o as { x_capec_status?: string }).x_capec_status ?? ''),
        )
        .map(({ id }) => id),
    );
    expect(ids('capec').filter((c) => !alive.has(c))).toEqual([]);
  });

  it('uses only CWE weaknesses that exist and are not deprecated', () => {
    const xml = readFileSync(corpus('cwe', 'cwec_v4.15.xml'), 'utf8');
    const weaknesses = new Map(
      [...xml.matchAll(/<Weakness ID="(\d+)"[^>]*Status="(\w+)"/g)].map((m) => [`CWE-${m[1]}`, m[2]]),
    );
    const bad = ids('cwe').filter(
      (c) => !weaknesses.has(c) || ['Deprecated', 'Obsolete'].includes(weaknesses.get(c)!),
    );
    expect(bad).toEqual([]);
  });
});
