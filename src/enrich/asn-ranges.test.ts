import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAsnRanges } from './asn-ranges.ts';
import { ipv6Words } from './ip-words.ts';

const dir = mkdtempSync(join(tmpdir(), 'threatloom-asn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function files(v4: string, v6 = '2001:db8::,2001:db8::ffff,64500,Doc Net\n') {
  writeFileSync(join(dir, 'v4.csv'), v4);
  writeFileSync(join(dir, 'v6.csv'), v6);
  return { ipv4: join(dir, 'v4.csv'), ipv6: join(dir, 'v6.csv') };
}
const v6 = (s: string) => {
  const w = new Uint32Array(4);
  ipv6Words(s, w);
  return w;
};

describe('ASN range tables', () => {
  it('finds ranges by inclusive bounds and unquotes organizations', () => {
    const r = loadAsnRanges(
      files('16,31,1,"LLC ""SPUTNIK"""\n32,47,2,Plain, Inc\n64,64,1,"LLC ""SPUTNIK"""\n'),
    );
    expect(r.lookupV4(15)).toBeNull();
    expect(r.lookupV4(16)).toEqual({ number: 1, organization: 'LLC "SPUTNIK"' });
    expect(r.lookupV4(47)).toEqual({ number: 2, organization: 'Plain, Inc' });
    expect(r.lookupV4(48)).toBeNull();
    expect(r.lookupV4(64)).toBe(r.lookupV4(16));
    expect(r.lookupV6(v6('2001:db8::ff'))).toEqual({ number: 64500, organization: 'Doc Net' });
    expect(r.lookupV6(v6('2001:db8::1:0'))).toBeNull();
  });

  it('names the file and line of bad data', () => {
    expect(() => loadAsnRanges(files('16,31,1,A\n8,9,2,B\n'))).toThrow(
      expect.objectContaining({ location: { file: join(dir, 'v4.csv'), line: 2 } }),
    );
    expect(() => loadAsnRanges(files('16,31,1,A\n', 'zz,2001::,1,X\n'))).toThrow(
      expect.objectContaining({ location: { file: join(dir, 'v6.csv'), line: 1 } }),
    );
  });
});
