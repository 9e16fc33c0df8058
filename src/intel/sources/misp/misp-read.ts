import { isUtf8 } from 'node:buffer';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import type { Limits } from '../../../core/limits.ts';
import { parseJsonSafe } from '../../../stix/safe-json.ts';
import { isUrl, openInput, readAllCapped, type FetchSettings } from '../open-input.ts';

/** Where a MISP feed or event file lives: a feed base (directory or URL) or one JSON file. */
export type MispLocation = { feed: string } | { file: string };

export async function classifyLocation(location: string): Promise<MispLocation> {
  const trimmed = location.replace(/\/manifest\.json$/i, '');
  if (trimmed !== location) return { feed: trimmed };
  if (isUrl(location))
    return /\.json$/i.test(new URL(location).pathname)
      ? { file: location }
      : { feed: location.replace(/\/+$/, '') };
  const info = await stat(location).catch(() => undefined);
  if (!info) throw new AppError('NOT_FOUND', `no such file or directory: ${location}`, { file: location });
  return info.isDirectory() ? { feed: location } : { file: location };
}

/** A file of a feed: joined to a URL base or a directory. */
export function feedFile(base: string, name: string): string {
  return isUrl(base) ? `${base}/${name}` : join(base, name);
}

export interface ReadJsonOptions {
  limits: Limits;
  fetch?: FetchSettings;
}

/**
 * Reads and parses one JSON file (a manifest or an event) with the project's safe JSON
 * parser: at most `limits.maxObjectBytes`, nesting, string length, duplicate and
 * prototype-polluting keys all checked, errors naming the file and JSON path.
 */
export async function readJson(location: string, opts: ReadJsonOptions): Promise<unknown> {
  const input = await openInput(location, { limits: opts.limits, ...opts.fetch });
  const bytes = await readAllCapped(input, opts.limits.maxObjectBytes);
  if (!isUtf8(bytes)) throw new AppError('INVALID_INPUT', 'invalid UTF-8', { file: input.name });
  return parseJsonSafe(bytes.toString('utf8'), { limits: opts.limits, file: input.name });
}
