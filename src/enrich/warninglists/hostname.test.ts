import { describe, expect, it } from 'vitest';
import { hostnameEntry, hostOf, someSuffix } from './hostname.ts';

const suffixes = (host: string) => {
  const out: string[] = [];
  someSuffix(host, (s) => (out.push(s), false));
  return out;
};

describe('hostname list semantics', () => {
  it('normalizes entries as MISP does', () => {
    expect(hostnameEntry('.Example.COM.')).toBe('example.com');
  });

  it('takes the host of URLs and plain values', () => {
    expect(hostOf('https://user@a.example.com:8443/path?q')).toBe('a.example.com');
    expect(hostOf('a.example.com.')).toBe('a.example.com');
    expect(hostOf('a.example.com/x')).toBe('a.example.com');
  });

  it('walks suffixes on label boundaries from the TLD upward', () => {
    expect(suffixes('a.b.example.com')).toEqual(['com', 'example.com', 'b.example.com', 'a.b.example.com']);
    expect(suffixes('localhost')).toEqual(['localhost']);
  });
});
