import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'threatloom-score-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T = '2026-05-01T00:00:00Z';
const objects = [
  {
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--6a1e4b2c-5d6f-4a7b-8c9d-0e1f2a3b4c5d',
    created: T,
    modified: T,
    pattern: "[domain-name:value = 'c2.example.net']",
    pattern_type: 'stix',
    valid_from: T,
  },
  {
    type: 'malware',
    spec_version: '2.1',
    id: 'malware--6a1e4b2c-5d6f-4a7b-8c9d-0e1f2a3b4c5e',
    created: T,
    modified: T,
    name: 'Loadrunner',
    is_family: true,
    aliases: ['LR'],
  },
  {
    type: 'relationship',
    spec_version: '2.1',
    id: 'relationship--6a1e4b2c-5d6f-4a7b-8c9d-0e1f2a3b4c5f',
    created: T,
    modified: T,
    relationship_type: 'indicates',
    source_ref: 'indicator--6a1e4b2c-5d6f-4a7b-8c9d-0e1f2a3b4c5d',
    target_ref: 'malware--6a1e4b2c-5d6f-4a7b-8c9d-0e1f2a3b4c5e',
  },
];

describe('threatloom intel correlate, sighting, verdict, score (the CLI contract)', () => {
  beforeAll(() => {
    const input = JSON.stringify({
      type: 'bundle',
      id: 'bundle--6a1e4b2c-5d6f-4a7b-8c9d-0e1f2a3b4c50',
      objects,
    });
    expect(
      runCli(['intel', 'ingest', '-', '--db', db, '--source', 'cli', '--reliability', 'B'], { input }).status,
    ).toBe(0);
  });

  it('correlates from a malware alias and from a value, as JSON and as text', () => {
    const json = runCli(['intel', 'correlate', 'LR', '--db', db, '--json']);
    expect(json.stderr).toBe('');
    expect(JSON.parse(json.stdout).subjects[0].name).toBe('Loadrunner');
    const text = runCli(['intel', 'correlate', 'c2.example[.]net', '--db', db]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('→ indicates Loadrunner (malware) aka LR [cli]');
  });

  it('unknown subjects, verdicts on unknown values and bad verdicts exit 2 with a message', () => {
    const r = runCli(['intel', 'correlate', 'no-such-thing', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nothing in the store matches "no-such-thing"/);
    const v = runCli(['intel', 'verdict', 'unknown.example.org', 'tp', '--db', db]);
    expect(v.status).toBe(2);
    expect(v.stderr).toMatch(/unknown\.example\.org \(domain\) is not known/);
    expect(runCli(['intel', 'verdict', 'c2.example.net', 'maybe', '--db', db]).status).toBe(2);
  });

  it('a sighting rescores; lookup then shows the score; training without verdicts of both classes exits 2', () => {
    const s = runCli([
      'intel',
      'sighting',
      'add',
      'c2.example.net',
      '--count',
      '2',
      '--where',
      'proxy',
      '--db',
      db,
      '--json',
    ]);
    expect(s.stderr).toBe('');
    const [scored] = JSON.parse(s.stdout) as { score: number; objectId: string }[];
    const l = JSON.parse(runCli(['intel', 'lookup', 'c2.example.net', '--db', db, '--json']).stdout);
    expect(l.matches[0].score).toMatchObject({ value: scored!.score, decayed: false, modelVersion: 0 });
    expect(runCli(['intel', 'verdict', 'c2.example.net', 'tp', '--db', db]).status).toBe(0);
    const t = runCli(['intel', 'score', 'train', '--db', db]);
    expect(t.status).toBe(2);
    expect(t.stderr).toMatch(/1 tp and 0 fp/);
  });
});
