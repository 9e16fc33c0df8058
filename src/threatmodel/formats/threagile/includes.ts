import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import type { Limits } from '../../../core/limits.ts';
import { readStructuredText } from '../../model/read-text.ts';
import { readSourceText } from '../read-source.ts';

const MAX_INCLUDES = 64;

/**
 * Merges Threagile `includes` (files named relative to the including file) into the model, as
 * Threagile does: maps gain the included entries, lists are appended, other keys are taken
 * when the including file does not set them. Only files in the model's folder or below may be
 * named; each is read under the same size limit, and at most 64 files are read in all.
 */
export function mergeThreagileIncludes(value: unknown, file: string, limits: Limits): Promise<unknown> {
  const root = dirname(file);
  const seen = new Set<string>([normalize(file)]);
  const merge = async (doc: Record<string, unknown>, from: string): Promise<Record<string, unknown>> => {
    const names = doc.includes;
    if (names === undefined || names === null) return doc;
    if (!Array.isArray(names))
      throw new AppError('INVALID_INPUT', 'expected a list of file names', {
        file: from,
        path: '$.includes',
      });
    const merged: Record<string, unknown> = { ...doc };
    delete merged.includes;
    for (const [i, name] of names.entries()) {
      const target = includePath(root, from, name, i);
      if (seen.has(target)) continue;
      if (seen.size > MAX_INCLUDES)
        throw new AppError('LIMIT_EXCEEDED', `more than ${MAX_INCLUDES} included files`, { file: from });
      seen.add(target);
      // A file of comments only (diagram_tweak.yaml in Threagile's own test) is an empty map.
      const included = readStructuredText(await readSourceText(target, limits), target, limits) ?? {};
      if (!isMap(included))
        throw new AppError('INVALID_INPUT', 'an included file must hold a map', { file: target, path: '$' });
      mergeInto(merged, await merge(included, target));
    }
    return merged;
  };
  return isMap(value) ? merge(value, file) : Promise.resolve(value);
}

function includePath(root: string, from: string, name: unknown, index: number): string {
  const at = { file: from, path: `$.includes[${index}]` };
  if (typeof name !== 'string' || name === '')
    throw new AppError('INVALID_INPUT', 'expected a file name', at);
  const target = normalize(join(dirname(from), name));
  if (isAbsolute(name) || !(target.startsWith(root + sep) || dirname(target) === root)) {
    throw new AppError('INVALID_INPUT', `included file '${name}' is outside the model's folder`, at);
  }
  return target;
}

function mergeInto(target: Record<string, unknown>, extra: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(extra)) {
    const mine = target[key];
    if (isMap(mine) && isMap(value)) target[key] = { ...value, ...mine };
    else if (Array.isArray(mine) && Array.isArray(value))
      target[key] = [...(mine as unknown[]), ...(value as unknown[])];
    else if (mine === undefined || mine === null) target[key] = value;
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
