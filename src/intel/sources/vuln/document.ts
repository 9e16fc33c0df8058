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

/** The first bytes of an input (up to one chunk) and the input again, unconsumed. */
export async function peek(input: OpenedInput): Promise<{ head: string; input: OpenedInput }> {
  const iterator = input.stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  const stream: AsyncIterable<Buffer> = {
    async *[Symbol.asyncIterator]() {
      if (!first.done) yield first.value;
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
    },
  };
  const bytes: Buffer = first.done ? Buffer.alloc(0) : first.value;
  const head = bytes
    .toString('utf8', 0, Math.min(bytes.length, 256))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return { head, input: { name: input.name, stream } };
}
