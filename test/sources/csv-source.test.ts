import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.ts';
import { createCsvSource } from '../../src/intel/sources/csv.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { startTestServer } from './http-test-server.ts';
import { collect } from './read-all.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'sources');
const tmp = mkdtempSync(join(tmpdir(), 'threatloom-csv-'));

describe('CSV source on crafted inputs', () => {
  it('maps columns by header name: values, kinds, labels, description, dates, confidence', async () => {
    const source = createCsvSource({
      columns: {
        indicator: 'value',
        type: 'kind',
        tags: 'labels',
        comment: 'description',
        first_seen: 'first_seen',
        confidence: 'confidence',
      },
    });
    const { observables, rejects } = await collect(source, join(fixtures, 'iocs.csv'));
    expect(observables.map((o) => [o.location.line, o.observableKind])).toEqual([
      [2, 'ipv4'],
      [3, 'domain'],
      [4, 'url'],
      [6, 'md5'],
    ]);
    expect(observables[0]).toMatchObject({
      labels: ['botnet', 'c2'],
      firstSeen: '2024-03-01T10:00:00.000Z',
      confidence: 80,
    });
    expect(observables[1]!.description).toBe('Landing page, "login" form');
    expect(observables[2]).toMatchObject({ labels: ['c2', 'loader'], description: 'Two-line\ncomment' });
    expect(observables[3]!.firstSeen).toBe('2024-03-01T00:00:00.000Z');
    expect(observables[3]!.confidence).toBeUndefined();
    expect(rejects).toEqual([expect.objectContaining({ location: { line: 7, path: 'iocs.csv:col 1' } })]);
  });

  it('maps columns by 1-based number and applies one kind to the value column', async () => {
    const { observables, rejects } = await collect(
      createCsvSource({ columns: { '1': 'value' }, kind: 'ipv6' }),
      join(fixtures, 'iocs.tsv'),
    );
    expect(observables.map((o) => o.value)).toEqual(['2001:db8:85a3::8a2e:370:7334']);
    expect(rejects.map((r) => r.location.line)).toEqual([3]);
  });

  it('detects tabs, the header and the value column of a TSV', async () => {
    const { observables } = await collect(createCsvSource(), join(fixtures, 'iocs.tsv'));
    expect(observables.map((o) => o.observableKind)).toEqual(['ipv6', 'cidr4']);
  });

  it('reads a plain list with #, // and ; comments, refanging nothing itself', async () => {
    const { observables, rejects } = await collect(createCsvSource(), join(fixtures, 'list.txt'));
    expect(observables.map((o) => [o.location.line, o.value])).toEqual([
      [5, '203.0.113.99'],
      [6, 'phish.example.net'],
      [7, 'hxxps://login-update[.]example.com/verify'],
      [9, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ]);
    expect(rejects.map((r) => r.location.line)).toEqual([8]);
  });

  it('reads a Spamhaus DROP style list: ; comments, `CIDR ; SBL` rows', async () => {
    const { observables, rejects } = await collect(createCsvSource(), join(fixtures, 'drop.txt'));
    expect(observables.map((o) => o.value)).toEqual(['1.10.16.0/20', '1.19.0.0/16', '2.57.122.0/24']);
    expect(rejects).toEqual([]);
  });

  it('uses a commented header line (abuse.ch style) for named columns', async () => {
    const file = join(tmp, 'urlhaus.csv');
    writeFileSync(
      file,
      '# URLhaus\n# id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter\n' +
        '"3","2024-03-11 10:00:00","http://198.51.100.7/bin.sh","online","2024-03-11 10:00:00","malware_download","elf,mirai","https://urlhaus.abuse.ch/url/3/","r"\n',
    );
    const source = createCsvSource({ columns: { url: 'value', dateadded: 'first_seen', tags: 'labels' } });
    const { observables } = await collect(source, file);
    expect(observables).toEqual([
      expect.objectContaining({
        value: 'http://198.51.100.7/bin.sh',
        labels: ['elf', 'mirai'],
        firstSeen: '2024-03-11T10:00:00.000Z',
      }),
    ]);
  });

  it('fails the whole input with a usage error when a named column is missing', async () => {
    await expect(
      collect(createCsvSource({ columns: { nope: 'value' } }), join(fixtures, 'iocs.csv')),
    ).rejects.toThrow(/column "nope" not found/);
  });

  it('names a missing file', async () => {
    await expect(collect(createCsvSource(), join(fixtures, 'missing.csv'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('missing.csv'),
    });
  });

  it('gunzips a .gz file', async () => {
    const file = join(tmp, 'list.txt.gz');
    writeFileSync(file, gzipSync(readFileSync(join(fixtures, 'list.txt'))));
    const { observables } = await collect(createCsvSource(), file);
    expect(observables).toHaveLength(4);
  });

  it('reads a list served over HTTP when the feed may reach the server', async () => {
    const server = await startTestServer((_req, res) => res.end('198.51.100.1\n198.51.100.2\n'));
    try {
      const { observables } = await collect(
        createCsvSource({ allowPrivate: true }),
        `${server.url}/list.txt`,
      );
      expect(observables.map((o) => o.value)).toEqual(['198.51.100.1', '198.51.100.2']);
      await expect(collect(createCsvSource(), `${server.url}/list.txt`)).rejects.toMatchObject({
        code: 'FETCH_BLOCKED',
      });
    } finally {
      await server.close();
    }
  });
});

describe('CSV source on bad input', () => {
  it('rejects a 100 MB line by its number without holding it, and reads the next lines', async () => {
    const file = join(tmp, 'long-line.csv');
    const out = createWriteStream(file);
    out.write('198.51.100.1\n');
    const block = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 100; i++) out.write(block);
    out.write('\n198.51.100.2\n');
    await new Promise((resolve) => out.end(resolve));
    const { observables, rejects } = await collect(createCsvSource(), file);
    expect(observables.map((o) => [o.location.line, o.value])).toEqual([
      [1, '198.51.100.1'],
      [3, '198.51.100.2'],
    ]);
    expect(rejects).toEqual([
      expect.objectContaining({
        message: `line longer than ${DEFAULT_LIMITS.maxLineBytes} bytes`,
        location: { line: 2, path: 'long-line.csv:2' },
      }),
    ]);
    // In a process of its own, so that its peak memory is the reader's: the line never is
    // held whole (reading it raises the peak by about 35 MB of stream buffers).
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'csv-peak-memory.ts'), file],
      { encoding: 'utf8' },
    );
    const read = JSON.parse(child.stdout) as { records: number; peakGrowthMb: number };
    expect(read.records).toBe(3);
    expect(read.peakGrowthMb).toBeLessThan(100);
  });

  it('rejects invalid UTF-8 lines by number and keeps the valid ones', async () => {
    const file = join(tmp, 'bad-utf8.txt');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('198.51.100.1\n'),
        Buffer.from([0xc3, 0x28, 0x0a]),
        Buffer.from('bad\xff.example.com\n', 'latin1'),
        Buffer.from('198.51.100.2\n'),
      ]),
    );
    const { observables, rejects } = await collect(createCsvSource(), file);
    expect(observables.map((o) => o.location.line)).toEqual([1, 4]);
    expect(rejects.map((r) => [r.location.line, r.message])).toEqual([
      [2, 'invalid UTF-8'],
      [3, 'invalid UTF-8'],
    ]);
  });

  it('turns binary garbage into rejects, not a crash', async () => {
    const file = join(tmp, 'garbage.bin');
    let seed = 42;
    const bytes = Buffer.alloc(2 * 1024 * 1024, 0).map(
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
    );
    writeFileSync(file, bytes);
    const { all, rejects } = await collect(createCsvSource(), file, {
      ...DEFAULT_LIMITS,
      maxLineBytes: 4096,
    });
    expect(rejects.length).toBeGreaterThan(0);
    expect(rejects.length).toBe(all.length - all.filter((r) => r.kind === 'observable').length);
  });
});

describe.skipIf(!corporaPresent)('CSV source on the corpora', () => {
  it('reads every CVE of the CISA KEV CSV, as an independent CSV parser counts them', async () => {
    const file = corpus('kev', 'known_exploited_vulnerabilities.csv');
    const rows = parse<Record<string, string>>(readFileSync(file), { columns: true, trim: true });
    const source = createCsvSource({
      columns: { cveID: 'value', vulnerabilityName: 'description', dateAdded: 'first_seen' },
      kind: 'cve',
    });
    const { observables, rejects } = await collect(source, file);
    expect(rejects).toEqual([]);
    expect(observables.map((o) => o.value)).toEqual(rows.map((r) => r.cveID));
    expect(observables.map((o) => o.description)).toEqual(rows.map((r) => r.vulnerabilityName!.trim()));
  });

  it('reads the PyMISP CSV test files with their header detected', async () => {
    const valid = corpus('misp', 'pymisp-tests', 'csv_testfiles', 'valid_fieldnames.csv');
    const rows = parse<Record<string, string>>(readFileSync(valid), { columns: true, trim: true });
    const { observables, rejects } = await collect(createCsvSource(), valid);
    expect(rejects).toEqual([]);
    expect(observables.map((o) => o.value)).toEqual(rows.flatMap((r) => [r.md5, r.sha1, r.sha256]));
    const invalid = corpus('misp', 'pymisp-tests', 'csv_testfiles', 'invalid_fieldnames.csv');
    const sha1s = parse<Record<string, string>>(readFileSync(invalid), { columns: true }).map((r) => r.SHA1);
    const read = await collect(
      createCsvSource({ columns: { SHA1: 'value', fileName: 'description' }, kind: 'sha1' }),
      invalid,
    );
    expect(read.observables.map((o) => o.value)).toEqual(sha1s);
  });
});
