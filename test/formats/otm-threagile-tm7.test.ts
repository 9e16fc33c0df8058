import { describe, expect, it } from 'vitest';
import { readModelFile } from '../../src/threatmodel/formats/index.ts';
import { corporaPresent, corpus } from '../corpora.ts';

const tm = (...p: string[]) => corpus('threat-models', ...p);

describe.skipIf(!corporaPresent)('Open Threat Model', () => {
  it('maps components, zones with trust ratings, and threat–mitigation links (spec EXAMPLE.json)', async () => {
    const model = await readModelFile(tm('otm', 'OpenThreatModel', 'EXAMPLE.json'));
    const kinds = Object.fromEntries(model.elements.map((e) => [e.id, e.kind]));
    expect(kinds).toEqual({
      'web-client': 'external-entity',
      'web-service': 'process',
      'customer-database': 'datastore',
      'class-customerdatabase': 'process',
    });
    expect(model.elements.find((e) => e.id === 'customer-database')?.type).toBe('database');
    const internet = model.trustBoundaries.find((b) => b.id === 'f0ba7722-39b6-4c81-8290-a30a248bb8d9')!;
    expect(internet).toMatchObject({ type: 'internet', elements: ['web-client'] });
    expect((model.metadata?.otm as { trustRatings: Record<string, number> }).trustRatings).toEqual({
      'f0ba7722-39b6-4c81-8290-a30a248bb8d9': 20,
      '2ab4effa-40b7-4cd2-ba81-8247d29a6f2d': 100,
    });
    const [threat] = model.threats;
    expect(threat).toMatchObject({
      id: '22724267-be7e-44c0-8b1f-d7d33e9a34ec',
      stride: 'spoofing',
      cwe: ['CWE-79', 'CWE-787'],
      likelihood: 3,
      impact: 5,
      status: 'open',
      elementIds: ['web-service', 'cc-store-in-db'],
    });
    const mitigation = model.mitigations.find((m) => m.id === 'fd6136f4-e2ff-11eb-ba80-0242ac130004')!;
    expect(mitigation).toMatchObject({ status: 'implemented', effectiveness: 0.5, threats: [threat!.id] });
    expect(model.assets.find((a) => a.id === 'public-info')).toMatchObject({
      confidentiality: 1,
      integrity: 5,
      availability: 3,
    });
  });

  it('understands IriusRisk component types (StartLeft MTMT output)', async () => {
    const model = await readModelFile(
      tm('otm', 'startleft', 'slp_mtmt', 'tests', 'resources', 'otm', 'MTMT_MVP.otm'),
    );
    const byType = Object.fromEntries(model.elements.map((e) => [e.technologies?.[0], e.kind]));
    expect(byType).toMatchObject({
      'android-device-client': 'external-entity',
      'CD-MICROSOFT-AZURE-DB-POSTGRESQL': 'datastore',
      'azure-storage': 'datastore',
    });
  });

  it('keeps nested trust zones as nested boundaries', async () => {
    const model = await readModelFile(
      tm('otm', 'startleft', 'slp_visio', 'tests', 'resources', 'otm', 'expected_visio_nested_tzs.otm'),
    );
    expect(model.trustBoundaries.filter((b) => b.parent !== undefined)).toHaveLength(1);
  });

  it('refuses the spec EXAMPLE.yaml, which is not valid YAML 1.2, naming the line', async () => {
    await expect(readModelFile(tm('otm', 'OpenThreatModel', 'EXAMPLE.yaml'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { line: 132 },
    });
  });
});

describe.skipIf(!corporaPresent)('Threagile', () => {
  it('reads assets, links, nested boundaries and risk tracking (demo/example)', async () => {
    const model = await readModelFile(tm('threagile', 'demo', 'example', 'threagile.yaml'));
    expect(model.trustBoundaries.find((b) => b.id === 'web-dmz')).toMatchObject({
      parent: 'application-network',
      type: 'cloud-network',
    });
    expect(model.dataFlows.find((f) => f.id === 'customer-client>customer-traffic')).toMatchObject({
      source: 'customer-client',
      destination: 'load-balancer',
      protocol: 'https',
      encrypted: true,
      authentication: 'token',
    });
    // "Customer Contract Summaries" inherits usage and owner from Customer Contracts through a YAML merge key.
    expect(model.assets.find((a) => a.id === 'contract-summaries')).toMatchObject({
      confidentiality: 3,
      integrity: 2,
    });
    expect(model.decisions['untrusted-deserialization@erp-system']).toMatchObject({
      status: 'accepted',
      by: 'John Doe',
      date: '2020-01-04',
    });
    expect(model.decisions['ldap-injection@*@ldap-auth-server@*']).toMatchObject({ status: 'mitigated' });
    expect(
      model.mitigations.find((m) => m.threats.includes('dos-risky-access-across-trust-boundary@*@*@*'))
        ?.status,
    ).toBe('planned');
    expect(model.elements.find((e) => e.id === 'customer-client')).toMatchObject({
      kind: 'actor',
      internetFacing: true,
      outOfScope: true,
    });
  });

  it('reads the split test model through its includes as the same model as all.yaml', async () => {
    const split = await readModelFile(tm('threagile', 'test', 'main.yaml'));
    const whole = await readModelFile(tm('threagile', 'test', 'all.yaml'));
    expect(split.elements.map((e) => e.id).sort()).toEqual(whole.elements.map((e) => e.id).sort());
    expect(split.dataFlows.length).toBe(whole.dataFlows.length);
  });
});

describe.skipIf(!corporaPresent)('Microsoft TMT .tm7', () => {
  it('reads stencils, connectors and threat instances (MTMT_example)', async () => {
    const model = await readModelFile(tm('tm7', 'MTMT_example.tm7'));
    expect(model.elements.map((e) => e.kind).sort()).toEqual([
      'datastore',
      'datastore',
      'external-entity',
      'process',
    ]);
    const threat = model.threats.find((t) => t.ruleId === 'TH153')!;
    expect(threat).toMatchObject({
      stride: 'elevation-of-privilege',
      severity: 'high',
      status: 'open',
      source: 'tm7',
    });
    expect(threat.mitigation).toContain('<a href="https://aka.ms/tmt-th153">');
    const flowIds = new Set(model.dataFlows.map((f) => f.id));
    expect(model.threats.every((t) => flowIds.has(t.elementIds[0]!))).toBe(true);
  });

  it('puts elements in the innermost enclosing border boundary (MTMT_nested_tz)', async () => {
    const model = await readModelFile(tm('tm7', 'MTMT_nested_tz.tm7'));
    const borders = model.trustBoundaries.filter((b) => b.elements.length > 0 || b.parent);
    expect(borders.some((b) => b.parent !== undefined)).toBe(true);
    const placed = model.trustBoundaries.flatMap((b) => b.elements);
    expect(new Set(placed).size).toBe(placed.length);
  });
});
