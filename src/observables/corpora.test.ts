import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corporaPresent, corpus } from '../../test/corpora.ts';
import { extractObservables, parseObservable } from './index.ts';
import type { ObservableKind } from './index.ts';

/** MISP attribute types → observable kind ('ip' picks the family from the value). */
const MISP_TYPES: Record<string, ObservableKind | 'ip'> = {
  'ip-dst': 'ip',
  'ip-src': 'ip',
  'ip-dst|port': 'ip',
  'ip-src|port': 'ip',
  domain: 'domain',
  hostname: 'domain',
  'domain|ip': 'domain',
  url: 'url',
  link: 'url',
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha512: 'sha512',
  'filename|md5': 'md5',
  'filename|sha1': 'sha1',
  'filename|sha256': 'sha256',
  'email-src': 'email',
  'email-dst': 'email',
  AS: 'asn',
  vulnerability: 'cve',
};

interface Attr {
  type: string;
  raw: string;
  value: string;
  kind: ObservableKind;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsonFiles(p) : p.endsWith('.json') ? [p] : [];
  });
}

/** Every MISP attribute (events, objects, collections) of a mapped type, its value split out of composites. */
function mispAttributes(dir: string): Attr[] {
  const out: Attr[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (x === null || typeof x !== 'object') return;
    const a = x as Record<string, unknown>;
    const mapped = typeof a.type === 'string' ? MISP_TYPES[a.type] : undefined;
    if (mapped && typeof a.value === 'string' && 'category' in a) {
      const type = a.type as string;
      const parts = a.value.split('|');
      const value = type.includes('|') ? (type.startsWith('filename') ? parts[1]! : parts[0]!) : a.value;
      const kind = mapped === 'ip' ? (value.includes(':') ? 'ipv6' : 'ipv4') : mapped;
      out.push({ type, raw: a.value, value, kind });
    }
    Object.values(a).forEach(walk);
  };
  for (const f of jsonFiles(dir)) {
    try {
      walk(JSON.parse(readFileSync(f, 'utf8')));
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
    }
  }
  return out;
}

const key = (o: { kind: string; value: string }) => `${o.kind} ${o.value}`;

describe.skipIf(!corporaPresent)('observables on real MISP data', () => {
  it('parses every attribute of the CIRCL OSINT feed sample with its MISP type', () => {
    const attrs = mispAttributes(corpus('misp', 'feed-circl-osint-sample'));
    const rejected = attrs.filter((a) => parseObservable(a.value, a.kind) === null);
    console.info(
      `CIRCL feed sample: ${attrs.length} attributes of mapped types, ${rejected.length} rejected`,
    );
    expect(attrs.length).toBeGreaterThan(100);
    expect(rejected).toEqual([]);
  });

  it('parses the attributes of the PyMISP and misp-stix test events, rejecting only mislabeled paths', () => {
    const attrs = [
      ...mispAttributes(corpus('misp', 'pymisp-tests')),
      ...mispAttributes(corpus('misp', 'misp-stix-tests')),
    ];
    const rejected = attrs
      .filter((a) => parseObservable(a.value, a.kind) === null)
      .map((a) => `${a.type} ${a.value}`);
    console.info(
      `PyMISP + misp-stix tests: ${attrs.length} attributes of mapped types, ${rejected.length} rejected`,
    );
    expect(attrs.length).toBeGreaterThan(900);
    // Relative file paths that the source files label as URLs.
    expect(rejected).toEqual(['url Data/dtl.dat', 'url Data/glp.uin']);
  });

  it('extracts from the CIRCL feed values pasted as text exactly what their types say', () => {
    const attrs = mispAttributes(corpus('misp', 'feed-circl-osint-sample'));
    const expected = new Set(attrs.map((a) => key(parseObservable(a.value, a.kind)!)));
    const found = new Set(extractObservables(attrs.map((a) => a.raw).join('\n')).map(key));
    expect(found).toEqual(expected);
  });

  it('extracts the unambiguous attributes of the PyMISP test events from text', () => {
    const unambiguous = new Set<ObservableKind>([
      'ipv4',
      'ipv6',
      'md5',
      'sha1',
      'sha256',
      'sha512',
      'email',
      'cve',
    ]);
    const attrs = mispAttributes(corpus('misp', 'pymisp-tests')).filter(
      (a) => unambiguous.has(a.kind) || (a.kind === 'url' && a.value.includes('://')),
    );
    const found = new Set(extractObservables(attrs.map((a) => a.raw).join('\n')).map(key));
    const missing = attrs
      .map((a) => parseObservable(a.value, a.kind))
      .filter((o) => o !== null && !found.has(key(o)));
    expect(attrs.length).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });
});

function stixObjects(file: string): Record<string, string>[] {
  const bundle = JSON.parse(
    readFileSync(corpus('stix21-conformance', 'cti-documentation-examples', file), 'utf8'),
  ) as {
    objects: Record<string, string>[];
  };
  return bundle.objects;
}

/** `ipv4-addr:value = '…'`, `domain-name:value = '…'`, `url:value = '…'`, `file:hashes.… = '…'` */
const COMPARISON = /(ipv4-addr|ipv6-addr|domain-name|url):value = '([^']*)'|file:hashes\.[^ ]+ = '([^']*)'/g;
const STIX_KIND: Record<string, ObservableKind> = {
  'ipv4-addr': 'ipv4',
  'ipv6-addr': 'ipv6',
  'domain-name': 'domain',
  url: 'url',
};

describe.skipIf(!corporaPresent)('extraction on real STIX documentation examples', () => {
  it('finds no indicator in the prose of the APT1 report objects', () => {
    const prose = stixObjects('apt1.json')
      .map((o) => o.description ?? '')
      .join('\n');
    expect(prose.length).toBeGreaterThan(10_000);
    expect(extractObservables(prose)).toEqual([]);
  });

  it('reads in the Poison Ivy report prose only values written there, among them the pattern values it mentions', () => {
    const objects = stixObjects('poisonivy.json');
    const prose = objects.map((o) => o.description ?? '').join('\n');
    const found = extractObservables(prose);
    const lower = prose.toLowerCase();
    expect(found.filter((o) => !lower.includes(o.value))).toEqual([]);
    const keys = new Set(found.map(key));
    const patternValues = objects
      .flatMap((o) => [...(o.pattern ?? '').matchAll(COMPARISON)])
      .map((m) => parseObservable(m[2] ?? m[3]!, m[1] ? STIX_KIND[m[1]] : undefined));
    // One pattern value is malformed in the source ('domain autuo.xicp.net').
    expect(patternValues.filter((o) => o === null)).toHaveLength(1);
    const mentioned = patternValues.filter((o) => o !== null && lower.includes(o.value));
    expect(mentioned.length).toBeGreaterThan(40);
    expect(mentioned.filter((o) => !keys.has(key(o!)))).toEqual([]);
  });

  it('extracts every value compared in the indicator patterns from the pattern text', () => {
    for (const file of [
      'apt1.json',
      'poisonivy.json',
      'indicator-for-malicious-url.json',
      'malware-indicator-for-file-hash.json',
    ]) {
      for (const pattern of stixObjects(file).flatMap((o) => (o.pattern ? [o.pattern] : []))) {
        const keys = new Set(extractObservables(pattern).map(key));
        for (const m of pattern.matchAll(COMPARISON)) {
          const o = parseObservable(m[2] ?? m[3]!, m[1] ? STIX_KIND[m[1]] : undefined);
          if (o) expect(keys.has(key(o)), `${file}: ${m[0]}`).toBe(true);
        }
      }
    }
  });
});
