import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../core/errors.ts';
import type { AddressPolicy } from '../../core/http/address-policy.ts';
import { guardedFetch } from '../../core/http/guarded-fetch.ts';
import type { Limits } from '../../core/limits.ts';

/** How URLs are fetched: the per-feed settings of the guarded client. */
export interface FetchSettings {
  headers?: Record<string, string>;
  allowPrivate?: boolean;
  allowRedirects?: boolean;
  /** An operator allowlist of addresses; replaces the public-only default and `allowPrivate`. */
  addressPolicy?: AddressPolicy;
}

/** Just the fetch settings of a wider options object. */
export function fetchSettings(opts: FetchSettings): FetchSettings {
  const { headers, allowPrivate, allowRedirects, addressPolicy } = opts;
  return {
    ...(headers ? { headers } : {}),
    ...(addressPolicy ? { addressPolicy } : {}),
    ...(allowPrivate ? { allowPrivate } : {}),
    ...(allowRedirects ? { allowRedirects } : {}),
  };
}

export interface OpenInputOptions extends FetchSettings {
  limits: Limits;
}

export interface OpenedInput {
  /** The file name or URL, for messages and record locations. */
  name: string;
  stream: AsyncIterable<Buffer>;
}

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

async function* gunzipCapped(file: string, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of createReadStream(file).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes)
      throw new AppError('LIMIT_EXCEEDED', `decompressed content exceeds ${maxBytes} bytes`, { file });
    yield chunk;
  }
}

async function* wrapFileErrors(stream: AsyncIterable<Buffer>, file: string): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'INVALID_INPUT',
      `cannot read: ${e instanceof Error ? e.message : String(e)}`,
      { file },
      { cause: e },
    );
  }
}

/**
 * Opens a source location: `-` is stdin, an http(s) URL goes through the guarded client,
 * anything else is a file path. A `.gz` file is gunzipped on the fly, with the same cap on
 * decompressed bytes as a fetched body.
 */
export async function openInput(location: string, opts: OpenInputOptions): Promise<OpenedInput> {
  if (location === '-') return { name: 'stdin', stream: process.stdin as AsyncIterable<Buffer> };
  if (isUrl(location)) {
    const res = await guardedFetch(location, { ...opts, limits: opts.limits });
    return { name: location, stream: res.body };
  }
  const info = await stat(location).catch(() => undefined);
  if (!info) throw new AppError('NOT_FOUND', `no such file: ${location}`, { file: location });
  if (!info.isFile()) throw new AppError('INVALID_INPUT', `not a file: ${location}`, { file: location });
  const stream = location.toLowerCase().endsWith('.gz')
    ? gunzipCapped(location, opts.limits.maxDecompressedBytes)
    : (createReadStream(location) as AsyncIterable<Buffer>);
  return { name: basename(location), stream: wrapFileErrors(stream, location) };
}

/** Reads a whole input into memory, refusing more than `maxBytes` (a manifest, one MISP event). */
export async function readAllCapped(input: OpenedInput, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of input.stream) {
    total += chunk.length;
    if (total > maxBytes)
      throw new AppError('LIMIT_EXCEEDED', `larger than ${maxBytes} bytes`, { file: input.name });
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}
