import { describe, expect, it } from 'vitest';
import type { Element } from '../model/schema.ts';
import { elementPlatforms } from './platforms.ts';

const el = (e: Partial<Element>): Element => ({ id: 'x', kind: 'process', ...e });

describe('elementPlatforms', () => {
  it('reads operating systems, cloud and network words from the type and technologies', () => {
    expect(elementPlatforms(el({ technologies: ['nginx'] }))).toEqual(['Linux']);
    expect(elementPlatforms(el({ type: 'web-server', technologies: ['IIS'] }))).toEqual(['Windows']);
    expect(elementPlatforms(el({ type: 'object-storage', technologies: ['aws-s3'] }))).toEqual(['IaaS']);
    expect(elementPlatforms(el({ type: 'load-balancer' }))).toEqual(['Network Devices']);
    expect(elementPlatforms(el({ type: 'identity-provider', technologies: ['okta'] }))).toEqual([
      'Identity Provider',
    ]);
    expect(elementPlatforms(el({ machine: 'container' }))).toEqual(['Containers', 'Linux']);
  });

  it('treats a server of unknown system as Linux or Windows, and never proposes actors or others’ systems', () => {
    expect(elementPlatforms(el({ type: 'web-application' }))).toEqual(['Linux', 'Windows']);
    expect(elementPlatforms(el({ kind: 'actor', type: 'human' }))).toEqual([]);
    expect(elementPlatforms(el({ kind: 'external-entity', technologies: ['linux'] }))).toEqual([]);
    expect(elementPlatforms(el({ outOfScope: true, technologies: ['linux'] }))).toEqual([]);
  });
});
