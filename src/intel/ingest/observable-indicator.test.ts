import { describe, expect, it } from 'vitest';
import { parseObservable } from '../../observables/index.ts';
import type { ObservableRecord } from '../source.ts';
import { observableToStix, stixIdOf } from './observable-indicator.ts';

const NOW = '2026-11-28T00:00:00.000Z';

function observed(value: string, id?: string): Record<string, unknown> {
  const rec: ObservableRecord = {
    kind: 'observable',
    value,
    observed: true,
    location: { path: 'x' },
    ...(id ? { id } : {}),
  };
  const o = parseObservable(value)!;
  const sco = observableToStix(rec, o, NOW);
  expect(sco.id).toBe(stixIdOf(rec, o));
  return sco;
}

describe('values reported as observed only', () => {
  it('become the SCO that holds the value, as STIX 2.1 §6 names its property', () => {
    expect(observed('198.51.100.3')).toEqual({
      type: 'ipv4-addr',
      spec_version: '2.1',
      // The specification's own example of a deterministic id (Errata 01).
      id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
      value: '198.51.100.3',
    });
    expect(observed('example.com').id).toBe('domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7');
    expect(observed('AS13335')).toMatchObject({ type: 'autonomous-system', number: 13335 });
    expect(observed('44D88612FEA8A8F36DE82E800FA2E1D6')).toMatchObject({
      type: 'file',
      hashes: { MD5: '44d88612fea8a8f36de82e800fa2e1d6' },
    });
    expect(observed('3395856ce81f2b7382dee72602f798b642f14140')).toMatchObject({
      type: 'file',
      hashes: { 'SHA-1': '3395856ce81f2b7382dee72602f798b642f14140' },
    });
    expect(observed('2001:db8::1')).toMatchObject({ type: 'ipv6-addr', value: '2001:db8::1' });
  });

  it("keep the source's own id under the SCO's type", () => {
    expect(observed('https://example.org/a', '6b1f0a5e-3c2d-4e8f-9a7b-1c2d3e4f5a6b').id).toBe(
      'url--6b1f0a5e-3c2d-4e8f-9a7b-1c2d3e4f5a6b',
    );
  });
});
