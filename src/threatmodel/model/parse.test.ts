import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { DEFAULT_LIMITS } from '../../core/limits.ts';
import { parseModelDocument, parseModelText } from './parse.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'models');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function failure(text: string, file = 'model.yaml', limits = DEFAULT_LIMITS): AppError {
  try {
    parseModelDocument(text, file, limits);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('model was accepted');
}

describe('parseModelText', () => {
  it('reads the example model with defaults filled in', () => {
    const model = parseModelText(fixture('webshop.yaml'), 'webshop.yaml');
    expect(model.elements.map((e) => e.id)).toEqual(['customer', 'web', 'db', 'payments']);
    expect(model.dataFlows).toHaveLength(3);
    expect(model.objectives.complianceScopes).toEqual(['GDPR', 'PCI DSS']);
    expect(model.trustBoundaries.find((b) => b.id === 'data-zone')?.parent).toBe('dc');
    expect(model.decisions).toEqual({});
  });

  it('reads the same model written as JSON', () => {
    const yaml = parseModelText(fixture('webshop.yaml'), 'webshop.yaml');
    expect(parseModelText(JSON.stringify(yaml), 'webshop.json')).toEqual(yaml);
  });

  it('names file, line and JSON path of a flow to an unknown element', () => {
    const e = failure(fixture('bad/flow-to-unknown.yaml'), 'flow.yaml');
    expect(e.describe()).toBe(
      "flow.yaml:8:18 $.dataFlows[0].destination: flow destination 'database' is not an element of the model",
    );
  });

  it('reports a cycle in boundary nesting', () => {
    const e = failure(fixture('bad/boundary-cycle.yaml'));
    expect(e.message).toBe('trust boundaries nest in a cycle: a → c → b → a');
    expect(e.location).toMatchObject({ line: 7, path: '$.trustBoundaries[0].parent' });
  });

  it('reports duplicate ids across elements and flows', () => {
    const e = failure(fixture('bad/duplicate-ids.yaml'));
    expect(e.message).toBe("duplicate id 'web' (first used at $.elements[0].id)");
    expect(e.location).toMatchObject({ line: 8, path: '$.dataFlows[0].id' });
  });

  it('maps a wrong property type in JSON back to its line', () => {
    const e = failure(fixture('bad/wrong-types.json'), 'wrong.json');
    expect(e.location).toMatchObject({ file: 'wrong.json', line: 5, path: '$.elements[1].internetFacing' });
    expect(e.message).toContain('expected boolean');
  });

  it('points at a misspelt property', () => {
    const e = failure('title: x\nelements:\n  - id: a\n    kind: actor\n    internetFacng: true\n');
    expect(e.location).toMatchObject({ line: 5, column: 5, path: '$.elements[0].internetFacng' });
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const e = failure(fixture('bad/alias-bomb.yaml'));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.message).toContain('alias');
  });

  it('refuses text over the size limit before parsing it', () => {
    const e = failure(`title: x\ndescription: "${'a'.repeat(2000)}"\n`, 'big.yaml', {
      ...DEFAULT_LIMITS,
      maxObjectBytes: 1000,
    });
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.location.file).toBe('big.yaml');
  });

  it('refuses nesting deeper than the limit', () => {
    const e = failure(`{"title": "x", "metadata": ${'['.repeat(100)}${']'.repeat(100)}}`, 'deep.json');
    expect(e.message).toContain('nesting deeper than 64');
  });

  it('reports a YAML syntax error with its line', () => {
    const e = failure('title: x\nelements: [\n  - id: a\n');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.location.line).toBeGreaterThan(1);
  });

  it('fails a model whose own rule has a malformed or hostile condition, at the rule line', () => {
    const malformed = failure(fixture('bad/malformed-rule.yaml'));
    expect(malformed.message).toBe("rule 'my-rule' applies: expected ')' at column 49");
    expect(malformed.location).toMatchObject({ line: 13, path: '$.rules[0].applies' });
    const hostile = failure(fixture('bad/hostile-rule.yaml'));
    expect(hostile.message).toMatch(/nested deeper than 32 levels/);
  });

  it('warns, without failing, about suppressions and carried threats naming unknown elements', () => {
    const { warnings } = parseModelDocument(
      'title: x\nelements: [{id: a, kind: actor}]\nsuppressions: [{ruleId: phishing, elementId: b, reason: r}]\nthreats: [{id: t1, title: T, elementIds: [c]}]\n',
      'w.yaml',
    );
    expect(warnings.map((w) => w.message)).toEqual([
      "suppression names unknown element or flow 'b'",
      "threat 't1' names unknown element 'c'",
    ]);
  });
});
