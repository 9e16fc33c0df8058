import { describe, expect, it } from 'vitest';
import { cpeMatches, cpeOverlaps, parseCpe } from './cpe.ts';

const cpe = (s: string) => parseCpe(s)!;

describe('CPE 2.3 formatted strings', () => {
  it('parses the 11 attributes, with escapes, ANY and NA', () => {
    const c = cpe('cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:-:*:*:*:*:*');
    expect(c.product).toMatchObject({ kind: 'value', text: 'internet_explorer' });
    expect(c.edition).toEqual({ kind: 'na' });
    expect(c.language).toEqual({ kind: 'any' });
    expect(
      cpe('cpe:2.3:a:hp:insight_diagnostics:7\\.4\\.0\\.1570:*:*:*:online:win2003:x64:*').version,
    ).toMatchObject({
      text: '7.4.0.1570',
    });
  });

  it('refuses what is not one', () => {
    for (const bad of [
      'cpe:/a:nginx:nginx:1.18.0',
      'cpe:2.3:a:nginx:nginx:1.18.0',
      'cpe:2.3:x:nginx:nginx:1.18.0:*:*:*:*:*:*:*',
      'cpe:2.3:a:nginx:nginx:1.18 0:*:*:*:*:*:*:*',
      'cpe:2.3:a:nginx:nginx:1.18.0:*:*:*:*:*:*:*:*',
      'cpe:2.3:a:nginx:nginx:1.18.0:*:*:*:*:*:*:\\',
    ])
      expect(parseCpe(bad)).toBeUndefined();
  });
});

describe('CPE name matching (NISTIR 7696)', () => {
  const nginx = 'cpe:2.3:a:nginx:nginx:1.18.0:*:*:*:*:*:*:*';
  it('matches ANY, equal values case-insensitively, and wildcards in the pattern', () => {
    expect(cpeMatches('cpe:2.3:a:nginx:nginx:*:*:*:*:*:*:*:*', nginx)).toBe(true);
    expect(cpeMatches('cpe:2.3:a:NGINX:Nginx:1.18.0:*:*:*:*:*:*:*', nginx)).toBe(true);
    expect(cpeMatches('cpe:2.3:a:nginx:nginx:1.18.*:*:*:*:*:*:*:*', nginx)).toBe(true);
    expect(cpeMatches('cpe:2.3:a:nginx:nginx:1.1?.0:*:*:*:*:*:*:*', nginx)).toBe(true);
  });
  it('does not match other values, NA against a value, or a narrower pattern', () => {
    expect(cpeMatches('cpe:2.3:a:nginx:nginx:1.19.0:*:*:*:*:*:*:*', nginx)).toBe(false);
    expect(cpeMatches('cpe:2.3:a:nginx:nginx:-:*:*:*:*:*:*:*', nginx)).toBe(false);
    expect(cpeMatches(nginx, 'cpe:2.3:a:nginx:nginx:*:*:*:*:*:*:*:*')).toBe(false);
    expect(cpeMatches('cpe:2.3:o:nginx:nginx:1.18.0:*:*:*:*:*:*:*', nginx)).toBe(false);
  });
  it('overlaps in either direction', () => {
    const any = cpe('cpe:2.3:a:nginx:nginx:*:*:*:*:*:*:*:*');
    expect(cpeOverlaps(cpe(nginx), any)).toBe(true);
    expect(cpeOverlaps(any, cpe(nginx))).toBe(true);
    expect(cpeOverlaps(cpe(nginx), cpe('cpe:2.3:a:nginx:nginx:1.19.0:*:*:*:*:*:*:*'))).toBe(false);
  });
  it('stays linear-bounded on a hostile wildcard pattern', () => {
    const pattern = `cpe:2.3:a:x:${'*a'.repeat(200)}b:*:*:*:*:*:*:*:*:*`;
    expect(cpeMatches(pattern, `cpe:2.3:a:x:${'a'.repeat(1000)}:*:*:*:*:*:*:*:*:*`)).toBe(false);
  });
});
