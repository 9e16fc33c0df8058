import { describe, expect, it } from 'vitest';
import { parsePurl } from './purl.ts';

describe('package URLs', () => {
  it('parses type, namespace, name and version', () => {
    expect(parsePurl('pkg:npm/%40angular/core@9.1.0')).toEqual({
      type: 'npm',
      namespace: '@angular',
      name: 'core',
      version: '9.1.0',
    });
    expect(parsePurl('pkg:maven/io.dropwizard/dropwizard-core@1.3.15?type=jar')).toEqual({
      type: 'maven',
      namespace: 'io.dropwizard',
      name: 'dropwizard-core',
      version: '1.3.15',
    });
    expect(parsePurl('pkg:npm/@babel/core@7.0.0')).toMatchObject({
      namespace: '@babel',
      name: 'core',
      version: '7.0.0',
    });
    expect(parsePurl('pkg:golang/golang.org/x/net')).toEqual({
      type: 'golang',
      namespace: 'golang.org/x',
      name: 'net',
    });
  });
  it('refuses what is not a purl', () => {
    for (const bad of [
      'npm:left-pad',
      'pkg:npm',
      'pkg:/left-pad',
      'pkg:npm/%E0%A4%A',
      'pkg:npm/a b',
      'pkg:npm/x@',
    ])
      expect(parsePurl(bad)).toBeUndefined();
  });
});
