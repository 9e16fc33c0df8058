import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { detectModelFormat, exportModel, readModelFile } from '../../src/threatmodel/formats/index.ts';
import { corporaPresent, corpus } from '../corpora.ts';
import { exampleModels } from './example-models.ts';
import { normalizeModel } from './normalize.ts';
import { rawCounts } from './raw-counts.ts';

const models = exampleModels((file) => readFileSync(file, 'utf8').slice(0, 4000));
const imported = new Map<string, ReturnType<typeof readModelFile>>();
const importOnce = (file: string) => imported.get(file) ?? imported.set(file, readModelFile(file)).get(file)!;
const dir = mkdtempSync(join(tmpdir(), 'threatloom-formats-'));
// Threagile's test/main.yaml only names include files; test/all.yaml is the same model in one file.
const countedFrom = (name: string, file: string) =>
  name === 'threagile/test/main.yaml' ? corpus('threat-models', 'threagile', 'test', 'all.yaml') : file;

describe.skipIf(!corporaPresent)('every example model in the corpora', () => {
  it('covers all four formats', () => {
    const count = (format: string) => models.filter((m) => m.format === format).length;
    expect(count('otm')).toBeGreaterThanOrEqual(80);
    expect(count('threat-dragon')).toBeGreaterThanOrEqual(20);
    expect(count('threagile')).toBe(4);
    expect(count('tm7')).toBe(5);
  });

  describe.each(models)('$name', ({ name, file, format }) => {
    it('is recognised by its content', () => {
      expect(detectModelFormat(readFileSync(file, 'utf8'), file)).toBe(format);
    });

    it('imports with the counts of elements, flows, boundaries and threats the file has', async () => {
      const model = await importOnce(file);
      expect({
        elements: model.elements.length,
        flows: model.dataFlows.length,
        boundaries: model.trustBoundaries.length,
        threats: model.threats.length,
      }).toEqual(rawCounts(countedFrom(name, file), format));
    });

    it.each(['otm', 'threat-dragon'] as const)(
      're-exports to %s and re-imports to the same model',
      async (to) => {
        const model = await importOnce(file);
        const out = join(dir, `${name.replace(/\W/g, '_')}.${to}.json`);
        writeFileSync(out, exportModel(model, to));
        expect(normalizeModel(await readModelFile(out, { from: to }))).toEqual(normalizeModel(model));
      },
    );

    it('writes a Threatloom YAML model that reads back the same', async () => {
      const model = await importOnce(file);
      const out = join(dir, `${name.replace(/\W/g, '_')}.yaml`);
      writeFileSync(out, stringify(model, { lineWidth: 0 }));
      expect(await readModelFile(out)).toEqual(model);
    });
  });
});
