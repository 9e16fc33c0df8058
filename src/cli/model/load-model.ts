import { readFile } from 'node:fs/promises';
import { readModelFile } from '../../threatmodel/formats/index.ts';
import { detectModelFormat } from '../../threatmodel/formats/index.ts';
import { createLocator } from '../../threatmodel/model/source-locator.ts';
import type { ThreatModel } from '../../threatmodel/model/schema.ts';
import type { ElementLocator } from '../../threatmodel/report/sarif.ts';

/** Reads a model in any supported format. */
export function loadModel(file: string): Promise<ThreatModel> {
  return readModelFile(file);
}

/** For a native model file, the line on which each element or flow is declared (for SARIF regions). */
export async function elementLines(file: string, model: ThreatModel): Promise<ElementLocator | undefined> {
  const text = await readFile(file, 'utf8');
  if (detectModelFormat(text, file) !== 'threatloom') return undefined;
  const locate = createLocator(text);
  const paths = new Map<string, (string | number)[]>();
  model.elements.forEach((e, i) => paths.set(e.id, ['elements', i, 'id']));
  model.dataFlows.forEach((f, i) => paths.set(f.id, ['dataFlows', i, 'id']));
  model.assets.forEach((a, i) => paths.set(a.id, ['assets', i, 'id']));
  return (id) => {
    const path = paths.get(id);
    return path ? locate(path)?.line : undefined;
  };
}
