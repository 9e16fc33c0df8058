import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { createTextSource } from '../../src/intel/sources/text.ts';
import { collect } from './read-all.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'sources');
const tmp = mkdtempSync(join(tmpdir(), 'threatloom-text-'));

describe('text source', () => {
  it('extracts the observables of a Markdown report with their lines', async () => {
    const { observables, rejects } = await collect(createTextSource(), join(fixtures, 'report.md'));
    expect(rejects).toEqual([]);
    expect(observables.map((o) => [o.location.line, o.observableKind, o.value])).toEqual([
      [3, 'domain', 'update-check.net'],
      [3, 'ipv4', '45.137.21.9'],
      [9, 'md5', '7b4d2f1e9c3a5b6d8e0f1a2b3c4d5e6f'],
    ]);
  });

  it('reads HTML as text: no script, style or comment content, entities decoded', async () => {
    const { observables } = await collect(createTextSource(), join(fixtures, 'report.html'));
    expect(observables.map((o) => [o.location.line, o.value])).toEqual([
      [15, 'malicious-cdn.com'],
      [15, '91.92.109.43'],
      [17, 'attacker@phish-mail.com'],
    ]);
  });

  it('stops at the size cap with a reject naming the line', async () => {
    const file = join(tmp, 'big.txt');
    writeFileSync(file, '198.51.100.1\n'.repeat(100));
    const { observables, rejects } = await collect(createTextSource(), file, {
      ...DEFAULT_LIMITS,
      maxObjectBytes: 13 * 10,
    });
    expect(observables).toHaveLength(10);
    expect(rejects).toEqual([expect.objectContaining({ location: { line: 11, path: 'big.txt:11' } })]);
  });

  it('rejects an invalid UTF-8 line and reads the rest', async () => {
    const file = join(tmp, 'mixed.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('see 198.51.100.3\n')]));
    const { observables, rejects } = await collect(createTextSource(), file);
    expect(rejects.map((r) => [r.location.line, r.message])).toEqual([[1, 'invalid UTF-8']]);
    expect(observables.map((o) => o.value)).toEqual(['198.51.100.3']);
  });
});
