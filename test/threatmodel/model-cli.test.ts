import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { MODELS, ROOT, runCli } from './run-cli.ts';
import { SARIF_2_1_0_STRUCTURE } from './sarif-structure.ts';

// ajv-formats is CommonJS with only a default export; depending on the loader it is the module or its default.
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

const WEBSHOP = join(MODELS, 'webshop.yaml');
const dir = mkdtempSync(join(tmpdir(), 'threatloom-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a variant of the web shop model with some top-level keys changed. */
function variant(name: string, change: (doc: Record<string, unknown>) => void): string {
  const doc = parse(readFileSync(WEBSHOP, 'utf8')) as Record<string, unknown>;
  change(doc);
  const file = join(dir, name);
  writeFileSync(file, stringify(doc));
  return file;
}

function failingIds(file: string, band: string): string[] {
  const r = runCli(['model', 'check', file, '--fail-on', band, '--json']);
  return (JSON.parse(r.stdout) as { failing: { id: string }[] }).failing.map((t) => t.id);
}

describe('threatloom model analyze', () => {
  it('prints the JSON contract', () => {
    const r = runCli(['model', 'analyze', WEBSHOP, '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model).toMatchObject({ title: 'Web shop', elements: 4, dataFlows: 3, trustBoundaries: 4 });
    const sqli = out.threats.find((t: { id: string }) => t.id === 'sql-injection@query');
    for (const key of [
      'id',
      'ruleId',
      'title',
      'stride',
      'elementIds',
      'cwe',
      'capec',
      'attack',
      'likelihood',
      'impact',
      'risk',
      'status',
      'mitigations',
      'factors',
    ]) {
      expect(sqli).toHaveProperty(key);
    }
    expect(Object.keys(sqli.risk)).toEqual(['inherent', 'current', 'projected']);
    expect(sqli.risk.inherent).toMatchObject({ score: sqli.likelihood * sqli.impact });
    expect(out.summary.threats).toBe(out.threats.length);
  });

  it('writes a self-contained HTML report with the diagram, matrix and register', () => {
    const file = join(dir, 'report.html');
    const r = runCli(['model', 'analyze', WEBSHOP, '--format', 'html', '-o', file]);
    expect(r.status).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<svg');
    for (const name of [
      'Web application',
      'Orders database',
      'Payment provider',
      'Data centre (internal-network)',
    ])
      expect(html).toContain(name);
    expect(html.match(/class="flow"/g)).toHaveLength(3);
    expect(html).toContain('Risk register');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('prints table and markdown forms', () => {
    expect(runCli(['model', 'analyze', WEBSHOP]).stdout).toMatch(/^THREAT\s+STRIDE/);
    expect(runCli(['model', 'analyze', WEBSHOP, '-f', 'markdown']).stdout).toContain(
      '# Threat model: Web shop',
    );
  });
});

describe('threatloom model check', () => {
  it('returns 1 with an open high risk and lists it', () => {
    const r = runCli(['model', 'check', WEBSHOP, '--fail-on', 'high']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^failed: \d+ open threats at or above high/);
    expect(r.stdout).toContain('sql-injection@query');
  });

  it('returns 0 once the failing threats are accepted in the model', () => {
    const failing = failingIds(WEBSHOP, 'high');
    const file = variant('accepted.yaml', (doc) => {
      doc.decisions = Object.fromEntries(
        failing.map((id) => [
          id,
          { status: 'accepted', justification: 'reviewed', by: 'security lead', expires: '2999-01-01' },
        ]),
      );
    });
    expect(runCli(['model', 'check', file, '--fail-on', 'high']).status).toBe(0);
  });

  it('returns 0 once the failing threats are mitigated by implemented controls', () => {
    const failing = failingIds(WEBSHOP, 'high');
    const file = variant('mitigated.yaml', (doc) => {
      doc.mitigations = [
        {
          id: 'hardening',
          title: 'Hardening programme',
          status: 'verified',
          effectiveness: 1,
          threats: failing,
        },
      ];
    });
    const r = runCli(['model', 'check', file, '--fail-on', 'high']);
    expect(r.stdout).toMatch(/^passed/);
    expect(r.status).toBe(0);
  });

  it("gates on the model's risk appetite when no threshold is given", () => {
    expect(runCli(['model', 'check', WEBSHOP]).status).toBe(1);
    const tolerant = variant('tolerant.yaml', (doc) => {
      (doc.objectives as Record<string, unknown>).riskAppetite = 'critical';
    });
    expect(runCli(['model', 'check', tolerant]).status).toBe(0);
  });

  it('writes SARIF 2.1.0 that validates', () => {
    const r = runCli(['model', 'check', WEBSHOP, '--format', 'sarif']);
    expect(r.status).toBe(1);
    const sarif = JSON.parse(r.stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const valid = ajv.validate(SARIF_2_1_0_STRUCTURE, sarif);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = sarif.runs[0];
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const sqli = run.results.find(
      (x: { partialFingerprints: { threatId: string } }) =>
        x.partialFingerprints.threatId === 'sql-injection@query',
    );
    const queryLine = readFileSync(WEBSHOP, 'utf8').split('\n').indexOf('  - id: query') + 1;
    expect(sqli.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: relative(ROOT, WEBSHOP), index: 0 },
      region: { startLine: queryLine },
    });
  });
});

describe('bad models', () => {
  const bad = (name: string) => join(MODELS, 'bad', name);
  const cases: [string, RegExp][] = [
    [
      'flow-to-unknown.yaml',
      /flow-to-unknown\.yaml:8:18 \$\.dataFlows\[0\]\.destination: flow destination 'database' is not an element/,
    ],
    [
      'boundary-cycle.yaml',
      /boundary-cycle\.yaml:7:\d+ \$\.trustBoundaries\[0\]\.parent: trust boundaries nest in a cycle/,
    ],
    ['duplicate-ids.yaml', /duplicate-ids\.yaml:8:\d+ \$\.dataFlows\[0\]\.id: duplicate id 'web'/],
    ['wrong-types.json', /wrong-types\.json:5:\d+ \$\.elements\[1\]\.internetFacing: .*expected boolean/],
    ['alias-bomb.yaml', /alias-bomb\.yaml: too many YAML alias expansions/],
    [
      'hostile-rule.yaml',
      /hostile-rule\.yaml:13:\d+ \$\.rules\[0\]\.applies: rule 'my-rule' applies: nested deeper than 32 levels/,
    ],
    [
      'malformed-rule.yaml',
      /malformed-rule\.yaml:13:\d+ \$\.rules\[0\]\.applies: rule 'my-rule' applies: expected '\)' at column 49/,
    ],
  ];
  it.each(cases)('%s exits 2 naming the file, line and JSON path', (name, message) => {
    for (const command of ['analyze', 'check']) {
      const r = runCli(['model', command, bad(name)]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('refuses a 100 MB model file', () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `title: huge\ndescription: "${'x'.repeat(100 * 1024 * 1024)}"\n`);
    const r = runCli(['model', 'check', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('huge.yaml');
    expect(r.stderr).toMatch(/over the limit/);
  });
});

describe('threatloom model diff, rules and schema', () => {
  it('reports added elements, new threats and risks that went up', () => {
    const changed = variant('changed.yaml', (doc) => {
      (doc.elements as Record<string, unknown>[]).push({ id: 'admin', kind: 'actor', type: 'human' });
      (doc.dataFlows as Record<string, unknown>[]).push({
        id: 'admin-db',
        source: 'admin',
        destination: 'db',
        protocol: 'postgresql',
      });
      (doc.trustBoundaries as { id: string; elements: string[] }[])
        .find((b) => b.id === 'internet')!
        .elements.push('admin');
      (doc.dataFlows as Record<string, unknown>[]).find((f) => f.id === 'browse')!.protocol = 'http';
    });
    const r = runCli(['model', 'diff', WEBSHOP, changed, '--json']);
    expect(r.status).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect(diff.elements.added).toEqual(['admin']);
    expect(diff.dataFlows.added).toEqual(['admin-db']);
    expect(diff.trustBoundaries.changed).toEqual([{ id: 'internet', fields: ['elements'] }]);
    expect(diff.threats.new).toEqual(
      expect.arrayContaining(['phishing@admin', 'unencrypted-communication@admin-db']),
    );
    expect(diff.dataFlows.changed).toEqual([{ id: 'browse', fields: ['protocol'] }]);
    expect(diff.risks.up.map((x: { threatId: string }) => x.threatId)).toContain('flow-tampering@browse');
    expect(diff.risks.down).toEqual([]);
    expect(runCli(['model', 'diff', WEBSHOP, changed]).stdout).toContain('+ elements admin');
  });

  it('lists the library and a model’s own rules', () => {
    const withRule = variant('with-rule.yaml', (doc) => {
      doc.rules = [
        {
          id: 'psp-outage',
          title: 'PSP outage',
          stride: 'denial-of-service',
          appliesTo: ['external-entity'],
          likelihood: 2,
          impact: ['A'],
          cwe: ['CWE-400'],
        },
      ];
    });
    const rules = JSON.parse(runCli(['model', 'rules', '--json', '--model', withRule]).stdout);
    expect(rules.length).toBeGreaterThanOrEqual(81);
    expect(rules.at(-1)).toMatchObject({ id: 'psp-outage', origin: 'model', stride: 'denial-of-service' });
    expect(rules[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        cwe: expect.any(Array),
        capec: expect.any(Array),
        attack: expect.any(Array),
      }),
    );
  });

  it('prints a JSON Schema that accepts the example model and rejects a bad one', () => {
    const schema = JSON.parse(runCli(['model', 'schema']).stdout);
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(schema);
    expect(validate(parse(readFileSync(WEBSHOP, 'utf8')))).toBe(true);
    expect(validate(JSON.parse(readFileSync(join(MODELS, 'bad', 'wrong-types.json'), 'utf8')))).toBe(false);
  });
});
