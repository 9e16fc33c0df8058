import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'threatloom-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = (objects: unknown[]) =>
  JSON.stringify({ type: 'bundle', id: 'bundle--0b3e2a5c-7c1e-4f53-8a8e-2d3a4b5c6d7e', objects });
const indicator = (id: string, pattern: string) => ({
  type: 'indicator',
  spec_version: '2.1',
  id,
  created: '2026-05-01T00:00:00Z',
  modified: '2026-05-01T00:00:00Z',
  name: 'cli test',
  pattern,
  pattern_type: 'stix',
  valid_from: '2026-05-01T00:00:00Z',
});

describe('threatloom intel (the CLI contract)', () => {
  it('ingests from stdin and prints the JSON result; exit 0 when nothing was rejected', () => {
    const input = bundle([
      indicator('indicator--3a1e4b2c-5d6f-4a7b-8c9d-0e1f2a3b4c5d', "[domain-name:value = 'cli.example.com']"),
    ]);
    const r = runCli(
      [
        'intel',
        'ingest',
        '-',
        '--db',
        db,
        '--source',
        'stdin-test',
        '--reliability',
        'B',
        '--tlp',
        'green',
        '--json',
      ],
      { input },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['counts', 'format', 'rejected', 'seconds', 'source']);
    expect(out).toMatchObject({
      source: 'stdin-test',
      format: 'stix',
      counts: { received: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 },
      rejected: [],
    });
  });

  it('exits 1 and lists each reject with its line when a CSV has bad rows', () => {
    const csv = join(dir, 'list.csv');
    writeFileSync(
      csv,
      'value,comment\n198.51.100.9,ok\nnot a value,bad\nhxxps://evil[.]example[.]org/x,ok\n',
    );
    const r = runCli(['intel', 'ingest', csv, '--db', db, '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('csv');
    expect(out.counts).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(out.rejected).toEqual([expect.objectContaining({ line: 3 })]);
  });

  it('exits 2 with a message naming the input for unreadable input and for usage errors', () => {
    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x13, 0x37]));
    const bad = runCli(['intel', 'ingest', garbage, '--db', db, '--json']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('garbage.json');
    expect(runCli(['intel', 'ingest', join(dir, 'missing.json'), '--db', db]).status).toBe(2);
    expect(runCli(['intel', 'ingest', garbage, '--db', db, '--reliability', 'Z']).status).toBe(2);
    expect(runCli(['intel', 'frobnicate']).status).toBe(2);
  });

  it('exits 2 naming the database when PostgreSQL cannot be reached or has no such database', () => {
    const urls = ['postgres://postgres@127.0.0.1:1/test'];
    const pgUrl = process.env.THREATLOOM_TEST_PG;
    if (pgUrl) {
      const missing = new URL(pgUrl);
      missing.pathname = '/threatloom_no_such_database';
      urls.push(missing.toString());
    }
    for (const url of urls) {
      const r = runCli(['intel', 'stats', '--db', url]);
      expect(r.status, url).toBe(2);
      expect(r.stderr, url).toContain(`cannot open database ${url}`);
    }
  });

  it('looks up any spelling of a value, with its sources, and prints stats by type', () => {
    const r = runCli(['intel', 'lookup', 'CLI[.]Example[.]COM.', '--db', db, '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ value: 'cli.example.com', kind: 'domain', known: true });
    expect(out.matches[0].sources).toEqual([
      expect.objectContaining({ source: 'stdin-test', reliability: 'B', tlp: 'green' }),
    ]);
    expect(out.matches[0].tlp).toBe('green');

    const stats = JSON.parse(runCli(['intel', 'stats', '--db', db, '--json']).stdout);
    expect(stats.objects).toEqual({ indicator: 3 });
    expect(stats.sources).toEqual({ 'list.csv': 2, 'stdin-test': 1 });
  });

  it('adds a feed (refusing a bad mapping), runs it, and keeps its run history', () => {
    const list = join(dir, 'feed.txt');
    writeFileSync(list, '# demo list\n192.0.2.44\n');
    const bad = runCli([
      'intel',
      'feeds',
      'add',
      'local',
      list,
      '--format',
      'csv',
      '--mapping',
      '{"delimiter":"x"}',
      '--db',
      db,
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--mapping\.delimiter/);
    expect(
      runCli(['intel', 'feeds', 'add', 'local', list, '--format', 'text', '--reliability', 'C', '--db', db])
        .status,
    ).toBe(0);
    const run = runCli(['intel', 'feeds', 'run', 'local', '--db', db, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        feed: 'local',
        status: 'ok',
        result: expect.objectContaining({ counts: expect.objectContaining({ created: 1 }) }),
      }),
    ]);
    const history = JSON.parse(runCli(['intel', 'feeds', 'history', 'local', '--db', db, '--json']).stdout);
    expect(history).toEqual([
      expect.objectContaining({
        feed: 'local',
        status: 'ok',
        counts: expect.objectContaining({ created: 1 }),
      }),
    ]);
  });
  it('runs the scheduled feeds that are due with --due, and refuses a malformed schedule', () => {
    const feedsDb = join(dir, 'feeds.db');
    const list = join(dir, 'scheduled.txt');
    writeFileSync(list, '192.0.2.45\n');
    const add = (name: string, ...extra: string[]) =>
      runCli(['intel', 'feeds', 'add', name, list, '--format', 'text', ...extra, '--db', feedsDb]);
    const bad = add('bad', '--schedule', 'whenever');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('schedule must be "every N"');
    expect(add('hourly', '--schedule', 'every 1h').status).toBe(0);
    expect(add('manual').status).toBe(0);

    const runDue = () => runCli(['intel', 'feeds', 'run', '--due', '--db', feedsDb, '--json']);
    const first = runDue();
    expect(first.status).toBe(0);
    expect((JSON.parse(first.stdout) as { feed: string }[]).map((o) => o.feed)).toEqual(['hourly']);
    // Just run: not due again for an hour.
    expect(JSON.parse(runDue().stdout)).toEqual([]);

    const listed = JSON.parse(runCli(['intel', 'feeds', 'list', '--db', feedsDb, '--json']).stdout) as {
      name: string;
      lastRun: string | null;
      nextRun: string | null;
    }[];
    const hourly = listed.find((f) => f.name === 'hourly')!;
    const history = JSON.parse(
      runCli(['intel', 'feeds', 'history', 'hourly', '--db', feedsDb, '--json']).stdout,
    ) as { started: string }[];
    expect(hourly.lastRun).toBe(history[0]!.started);
    expect(Date.parse(hourly.nextRun!) - Date.parse(history[0]!.started)).toBe(3_600_000);
    expect(listed.find((f) => f.name === 'manual')).toMatchObject({ lastRun: null, nextRun: null });
    expect(listed.map((f) => f.name)).not.toContain('bad');

    expect(runCli(['intel', 'feeds', 'run', 'hourly', '--due', '--db', feedsDb]).status).toBe(2);
  });
});
