import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { readModelFile } from '../../src/threatmodel/formats/index.ts';
import { corporaPresent, corpus } from '../corpora.ts';

const dir = mkdtempSync(join(tmpdir(), 'threatloom-hostile-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('hostile .tm7 files', () => {
  it('refuses an external entity without reading it (XXE)', async () => {
    const path = file(
      'xxe.tm7',
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<ThreatModel><MetaInformation><ThreatModelName>&e;</ThreatModelName></MetaInformation></ThreatModel>',
    );
    const error = await readModelFile(path).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', location: { file: path, line: 2, column: 1 } });
    expect((error as Error).message).toMatch(/document type declarations are not allowed/);
    expect((error as Error).message).not.toMatch(/root:/);
  });

  it('refuses an entity-expansion bomb (billion laughs) before expanding anything', async () => {
    const entities = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('');
    const path = file(
      'lol.tm7',
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]><ThreatModel>&lol9;</ThreatModel>`,
    );
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { file: path, line: 1 },
    });
  });

  it('leaves an undeclared entity reference as written', async () => {
    const path = file(
      'entity.tm7',
      '<ThreatModel><MetaInformation><ThreatModelName>A &amp; B &#65; &e;</ThreatModelName></MetaInformation></ThreatModel>',
    );
    await expect(readModelFile(path)).resolves.toMatchObject({ title: 'A & B A &e;' });
  });

  it('names the line of malformed XML', async () => {
    const path = file('broken.tm7', '<ThreatModel>\n<DrawingSurfaceList>\n</ThreatModel>');
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { file: path, line: 3 },
    });
  });
});

describe('hostile YAML and JSON', () => {
  it('stops a YAML alias bomb', async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(',')}]`,
      );
    const path = file('bomb.yaml', `otmVersion: 0.2.0\nproject: {name: x, id: x}\n${lines.join('\n')}\n`);
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      location: { file: path },
    });
  });

  it('refuses a 100 MB file without reading it all into memory', async () => {
    const path = join(dir, 'huge.json');
    const out = createWriteStream(path);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < 100; i++) if (!out.write(chunk)) await once(out, 'drain');
    out.end('{}');
    await once(out, 'finish');
    const before = process.memoryUsage().arrayBuffers;
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      location: { file: path },
    });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses nesting deeper than the limit', async () => {
    const path = file(
      'deep.json',
      `{"otmVersion":"0.2.0","project":{"name":"x","id":"x"},"x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    );
    await expect(readModelFile(path)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });
});

describe('wrong property types name the file, line and JSON path', () => {
  it('OTM: a component id that is a number', async () => {
    const path = file(
      'types.otm',
      JSON.stringify(
        {
          otmVersion: '0.2.0',
          project: { name: 'p', id: 'p' },
          trustZones: [],
          components: [
            { id: 'a', name: 'A', type: 'web-service', parent: {} },
            { id: 42, name: 'B' },
          ],
        },
        null,
        2,
      ),
    );
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'expected a string, got number 42',
      location: { file: path, path: '$.components[1].id', line: 16 },
    });
  });

  it('Threat Dragon: cells that are not a list', async () => {
    const path = file(
      'types-td.json',
      JSON.stringify({
        version: '2.3.0',
        summary: { title: 't' },
        detail: { diagrams: [{ id: 0, cells: { a: 1 } }] },
      }),
    );
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { file: path, path: '$.detail.diagrams[0].cells' },
    });
  });

  it('Threagile: internet given as text', async () => {
    const path = file(
      'types-threagile.yaml',
      'threagile_version: 1.0.0\ntitle: t\ntechnical_assets:\n  Web:\n    id: web\n    type: process\n    internet: "yes"\n',
    );
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { file: path, path: '$.technical_assets.Web.internet', line: 7 },
    });
  });

  it('Threagile: an unknown rating word', async () => {
    const path = file(
      'rating.yaml',
      'threagile_version: 1.0.0\ntitle: t\ndata_assets:\n  D:\n    id: d\n    confidentiality: secret-ish\n',
    );
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { path: '$.data_assets.D.confidentiality', line: 6 },
    });
  });

  it('a flow to an unknown element', async () => {
    const path = file(
      'dangling.otm',
      JSON.stringify({
        otmVersion: '0.2.0',
        project: { name: 'p', id: 'p' },
        trustZones: [],
        components: [],
        dataflows: [{ id: 'f', name: 'f', source: 'a', destination: 'b' }],
      }),
    );
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { file: path, path: '$.dataFlows[0].source' },
    });
  });

  it('Threagile includes outside the model folder are refused', async () => {
    await mkdir(join(dir, 'inc'), { recursive: true });
    const path = file(
      join('inc', 'main.yaml'),
      'threagile_version: 1.0.0\ntitle: t\nincludes:\n  - ../bomb.yaml\n',
    );
    await expect(readModelFile(path)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { file: path, path: '$.includes[0]' },
    });
  });
});

describe.skipIf(!corporaPresent)("Threat Dragon's own malformed fixtures", () => {
  const fixture = (name: string) =>
    corpus('threat-models', 'threat-dragon', 'ThreatDragonModels', 'test', name);
  it.each([
    ['malformed-new-model.json', '$.summary'],
    ['v2-malformed-new-model.json', '$.detail'],
  ])('%s is refused at %s', async (name, path) => {
    await expect(readModelFile(fixture(name))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      location: { file: fixture(name), path },
    });
  });
});
