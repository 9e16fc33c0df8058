import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';
import { parseModelText, validateModelValue } from '../model/parse.ts';
import { readStructuredText } from '../model/read-text.ts';
import type { ThreatModel, ThreatModelInput } from '../model/schema.ts';
import { createLocator } from '../model/source-locator.ts';
import { detectFromValue, looksLikeXml } from './detect.ts';
import { resolveMergeKeys } from './merge-keys.ts';
import { exportOtm } from './otm/export-otm.ts';
import { importOtm } from './otm/import-otm.ts';
import { readSourceText } from './read-source.ts';
import { exportThreatDragon } from './threat-dragon/export-td.ts';
import { importThreatDragon } from './threat-dragon/import-td.ts';
import { importThreagile } from './threagile/import-threagile.ts';
import { mergeThreagileIncludes } from './threagile/includes.ts';
import { importTm7 } from './tm7/import-tm7.ts';

export type ModelFormat = 'threatloom' | 'otm' | 'threat-dragon' | 'threagile' | 'tm7';
export type ExportFormat = 'otm' | 'threat-dragon';
export const MODEL_FORMATS: readonly ModelFormat[] = [
  'threatloom',
  'otm',
  'threat-dragon',
  'threagile',
  'tm7',
];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['otm', 'threat-dragon'];

export interface ReadModelOptions {
  /** The file's format; detected from its content when absent. */
  from?: ModelFormat;
  limits?: Limits;
}

/**
 * Reads a model file in any supported format: Threatloom YAML/JSON, Open Threat Model (JSON or
 * YAML), Threat Dragon v1/v2 JSON, Threagile YAML (with its includes) or MS TMT `.tm7`. The file
 * is read under the size limit; imported models are validated like native ones, and every
 * error is an AppError naming the file and the line or JSON path.
 */
export async function readModelFile(path: string, opts: ReadModelOptions = {}): Promise<ThreatModel> {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const text = await readSourceText(path, limits);
  if (opts.from === 'tm7' || (opts.from === undefined && looksLikeXml(text)))
    return validate(importTm7(text, { file: path }), path);
  const value = readStructuredText(text, path, limits);
  const format = opts.from ?? detectFromValue(value);
  const source = { file: path, locate: createLocator(text) };
  switch (format) {
    case 'threatloom':
      return parseModelText(text, path);
    case 'otm':
      return validate(importOtm(value, source), path);
    case 'threat-dragon':
      return validate(importThreatDragon(value, source), path);
    case 'threagile': {
      const merged = resolveMergeKeys(await mergeThreagileIncludes(value, path, limits));
      return validate(importThreagile(merged, source), path);
    }
  }
}

/** Tells which format a model file is written in, from its content. */
export function detectModelFormat(text: string, file: string): ModelFormat {
  return looksLikeXml(text) ? 'tm7' : detectFromValue(readStructuredText(text, file));
}

/** Writes a model as an OTM 0.2.0 or Threat Dragon v2 JSON document. */
export function exportModel(model: ThreatModel, to: ExportFormat): string {
  return to === 'otm' ? exportOtm(model) : exportThreatDragon(model);
}

function validate(input: ThreatModelInput, file: string): ThreatModel {
  return validateModelValue(input, { file }).model;
}
