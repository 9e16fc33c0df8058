import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { corporaPresent, corpus } from '../corpora.ts';

const dir = mkdtempSync(join(tmpdir(), 'threatloom-org-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('threatloom org and knowledge ingest (the CLI contract)', () => {
  it('sets and shows the profile; a bad sector is an input error (exit 2)', () => {
    const set = runCli([
      '--db',
      db,
      'org',
      'set',
      '--sectors',
      'financial-services',
      '--countries',
      'US,DE',
      '--json',
    ]);
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    const show = runCli(['--db', db, 'org', 'show', '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({
      sectors: ['financial-services'],
      countries: ['US', 'DE'],
    });
    const bad = runCli(['--db', db, 'org', 'set', '--sectors', 'banking']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/banking/);
  });

  it.skipIf(!corporaPresent)('imports an SBOM and detects a KEV file by its content', () => {
    const sbom = corpus('cyclonedx', 'SBOM', 'laravel-7.12.0', 'bom.1.4.json');
    const components = (JSON.parse(readFileSync(sbom, 'utf8')) as { components: { purl?: string }[] })
      .components;
    const r = runCli(['--db', db, 'org', 'import-sbom', sbom, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: new Set(components.map((c) => c.purl)).size });

    const kev = runCli([
      '--db',
      db,
      'intel',
      'ingest',
      corpus('kev', 'known_exploited_vulnerabilities.csv'),
      '--json',
    ]);
    expect(kev.status).toBe(0);
    expect(JSON.parse(kev.stdout)).toMatchObject({ format: 'kev', counts: { rejected: 0 } });
  });
});
