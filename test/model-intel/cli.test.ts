import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { validateLayer } from './layer-schema.ts';

const MODEL = join(import.meta.dirname, '..', 'fixtures', 'models', 'webshop.yaml');

describe('model analyze, drift and navigator from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threatloom-model-intel-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('analyze never creates a store just to read intelligence, and then equals --no-intel', () => {
    const db = join(dir, 'absent.db');
    const withIntel = runCli(['--db', db, 'model', 'analyze', MODEL, '--json']);
    const plain = runCli(['--db', db, 'model', 'analyze', MODEL, '--json', '--no-intel']);
    expect(withIntel.status).toBe(0);
    expect(existsSync(db)).toBe(false);
    expect(JSON.parse(withIntel.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it('drift first saves a baseline, then reports nothing moved on the same intelligence', () => {
    const db = join(dir, 'drift.db');
    const first = runCli(['--db', db, 'model', 'drift', MODEL]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^webshop: no baseline yet; this analysis is saved as one/);
    const second = runCli(['--db', db, 'model', 'drift', MODEL, '--json']);
    expect(second.status).toBe(0);
    const report = JSON.parse(second.stdout) as {
      baseline: { modelChanged: boolean } | null;
      moved: unknown[];
    };
    expect(report.baseline?.modelChanged).toBe(false);
    expect(report.moved).toEqual([]);
  });

  it('analyze --save keeps a baseline that drift then compares with', () => {
    const db = join(dir, 'save.db');
    expect(runCli(['--db', db, 'model', 'analyze', MODEL, '--save', 'shop', '--json']).status).toBe(0);
    const drift = runCli(['--db', db, 'model', 'drift', MODEL, '--name', 'shop', '--json']);
    expect((JSON.parse(drift.stdout) as { baseline: unknown }).baseline).not.toBeNull();
  });

  it('drift on a name neither a file nor a stored model is a clear error', () => {
    const r = runCli(['--db', join(dir, 'drift.db'), 'model', 'drift', 'no-such-model']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no model named no-such-model');
  });

  it('analyze --format navigator writes a layer of the 4.5 format', () => {
    const r = runCli(['model', 'analyze', MODEL, '--format', 'navigator', '--no-intel']);
    expect(r.status).toBe(0);
    const layer = JSON.parse(r.stdout) as { techniques: unknown[] };
    expect(validateLayer(layer), JSON.stringify(validateLayer.errors)).toBe(true);
    expect(layer.techniques.length).toBeGreaterThan(0);
  });
});
