import { describe, expect, it } from 'vitest';
import { compileCondition } from '../conditions/compile.ts';
import { ModelSchema } from '../model/schema.ts';
import { ModelGraph } from './graph.ts';
import { TargetContext } from './target.ts';

const model = ModelSchema.parse({
  title: 'graph',
  assets: [{ id: 'cust', confidentiality: 5, data: ['pii'] }],
  elements: [
    { id: 'user', kind: 'actor', type: 'human' },
    { id: 'lb', kind: 'process', type: 'load-balancer', internetFacing: true },
    { id: 'app', kind: 'process', type: 'api', technologies: ['Node.js'], controls: ['WAF'] },
    { id: 'db', kind: 'datastore', type: 'sql-database', assetsStored: ['cust'] },
    { id: 'cache', kind: 'datastore', type: 'cache' },
    { id: 'batch', kind: 'process', type: 'batch' },
  ],
  dataFlows: [
    { id: 'f1', source: 'user', destination: 'lb', protocol: 'HTTPS' },
    { id: 'f2', source: 'lb', destination: 'app', protocol: 'http' },
    { id: 'f3', source: 'app', destination: 'db', protocol: 'postgresql' },
    { id: 'f4', source: 'batch', destination: 'cache', bidirectional: true },
  ],
  trustBoundaries: [
    { id: 'net', type: 'internet', elements: ['user'] },
    { id: 'vpc', type: 'cloud-network', elements: ['lb', 'app', 'batch'] },
    { id: 'data', type: 'internal-network', parent: 'vpc', elements: ['db', 'cache'] },
  ],
});
const graph = new ModelGraph(model);
const holds = (text: string, kind: 'element' | 'flow', id: string) => {
  const view = (kind === 'element' ? graph.elements : graph.flows).get(id)!;
  return compileCondition(text, { ruleId: 't', field: 'applies' }).test(
    new TargetContext(graph, { kind, view }),
  );
};

describe('model graph and relation functions', () => {
  it('walks flows from the internet, following bidirectional flows both ways', () => {
    expect(['user', 'lb', 'app', 'db'].map((id) => graph.reachableFromInternet(id))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(graph.reachableFromInternet('batch')).toBe(false);
    expect(holds('reachableFromInternet()', 'element', 'app')).toBe(true);
  });

  it('finds elements that lead to a store holding a data category', () => {
    expect(holds("reachesStoreWith('pii')", 'element', 'lb')).toBe(true);
    expect(holds("reachesStoreWith('pii')", 'element', 'batch')).toBe(false);
    expect(holds("reachesStoreWith('pii')", 'flow', 'f3')).toBe(true);
  });

  it('judges boundary crossings by nesting', () => {
    expect(holds('crossesTrustBoundary()', 'flow', 'f1')).toBe(true);
    expect(holds("crossesBoundaryType('internet')", 'flow', 'f1')).toBe(true);
    expect(holds('crossesTrustBoundary()', 'flow', 'f2')).toBe(false);
    expect(holds("crossesBoundaryType('internal-network')", 'flow', 'f3')).toBe(true);
    expect(holds("crossesBoundaryType('cloud-network')", 'flow', 'f3')).toBe(false);
    expect(holds("inBoundaryType('cloud-network')", 'element', 'db')).toBe(true);
  });

  it('matches types, technologies and controls case-insensitively, and callers and callees', () => {
    expect(holds("isType('api') and hasTechnology('node.js') and hasControl('waf')", 'element', 'app')).toBe(
      true,
    );
    expect(holds("calledBy('load-balancer') and connectsTo('sql-database')", 'element', 'app')).toBe(true);
    expect(holds("calledBy(source, 'human')", 'flow', 'f1')).toBe(false);
    expect(holds("isType(source, 'human') and isType(destination, 'load-balancer')", 'flow', 'f1')).toBe(
      true,
    );
    expect(holds("flow.protocol == 'https' and flow.encrypted", 'flow', 'f1')).toBe(true);
    expect(holds('flow.encrypted', 'flow', 'f2')).toBe(false);
  });

  it('counts co-located elements within the innermost boundary', () => {
    expect(holds("coLocatedWith('batch')", 'element', 'app')).toBe(true);
    expect(holds("coLocatedWith('sql-database')", 'element', 'app')).toBe(false);
    expect(holds("coLocatedWithNon('sql-database')", 'element', 'db')).toBe(true);
    expect(holds("coLocatedWith('sql-database')", 'element', 'db')).toBe(false);
    expect(holds('degree() == 2', 'element', 'app')).toBe(true);
  });

  it('rates elements from the assets they hold', () => {
    expect(graph.elements.get('db')).toMatchObject({ confidentiality: 5, data: ['pii'] });
    expect(holds("element.data contains 'pii' and handles('pii')", 'element', 'db')).toBe(true);
  });
});
