import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../core/errors.ts';
import type { Limits } from '../../../core/limits.ts';
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
 * Reads and parses one JSON file (a manifest or an event), refusing more than
 * `limits.maxObjectBytes`. JSON.parse keeps `__proto__` as a plain own key, so hostile keys
 * cannot reach prototypes; the mapper only reads known fields.
 */
export async function readJson(location: string, opts: ReadJsonOptions): Promise<unknown> {
  const input = await openInput(location, { limits: opts.limits, ...opts.fetch });
  const bytes = await readAllCapped(input, opts.limits.maxObjectBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('INVALID_INPUT', 'invalid UTF-8', { file: input.name });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new AppError('INVALID_INPUT', `invalid JSON: ${message}`, { file: input.name }, { cause: e });
  }
}
