import { AppError } from '../../../core/errors.ts';
import type { Limits } from '../../../core/limits.ts';
import { parseJsonSafe } from '../../../stix/safe-json.ts';
import { readAllCapped, type OpenedInput } from '../open-input.ts';

/** A whole JSON document read within `maxDocumentBytes` and parsed with the safe parser. */
export async function readJsonDocument(input: OpenedInput, limits: Limits): Promise<unknown> {
  const bytes = await readAllCapped(input, limits.maxDocumentBytes);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return parseJsonSafe(text, { limits, file: input.name });
  } catch (e) {
    if (e instanceof AppError && e.location.file === undefined)
      throw new AppError(e.code, e.message, { ...e.location, file: input.name }, { cause: e });
    throw e;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
