import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerExportCommand } from '../../src/cli/model/export.ts';
import { registerImportCommand } from '../../src/cli/model/import.ts';
import { readModelFile } from '../../src/threatmodel/formats/index.ts';
import { corporaPresent, corpus } from '../corpora.ts';

const dir = mkdtempSync(join(tmpdir(), 'threatloom-cli-'));

async function run(...args: string[]): Promise<void> {
  const program = new Command('threatloom').exitOverride();
  const model = program.command('model').exitOverride();
  registerImportCommand(model);
  registerExportCommand(model);
  await program.parseAsync(['node', 'threatloom', 'model', ...args]);
}

describe.skipIf(!corporaPresent)('model import and export commands', () => {
  const source = corpus('threat-models', 'threat-dragon', 'ThreatDragonModels', 'v2-threat-model.json');

  it('import -o writes a Threatloom YAML model equal to the imported one', async () => {
    const out = join(dir, 'imported.yaml');
    await run('import', source, '--from', 'threat-dragon', '-o', out);
    expect(readFileSync(out, 'utf8')).toMatch(/^version: "1"\ntitle: Demo Threat Model\n/);
    expect(await readModelFile(out)).toEqual(await readModelFile(source));
  });

  it('import --json -o writes JSON', async () => {
    const out = join(dir, 'imported.json');
    await run('import', corpus('threat-models', 'tm7', 'MTMT_MVP.tm7'), '--json', '-o', out);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { threats: unknown[] }).threats).toHaveLength(43);
  });

  it('export --to otm writes an OTM document', async () => {
    const out = join(dir, 'exported.otm.json');
    await run('export', source, '--to', 'otm', '-o', out);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      otmVersion: string;
      components: unknown[];
      threats: unknown[];
    };
    expect(doc.otmVersion).toBe('0.2.0');
    expect(doc.components).toHaveLength(7);
    expect(doc.threats).toHaveLength(14);
  });

  it('rejects an unknown --to format', async () => {
    await expect(run('export', source, '--to', 'visio')).rejects.toMatchObject({
      code: 'commander.invalidArgument',
    });
  });
});
