import { open } from 'node:fs/promises';
import { AppError } from '../../core/errors.ts';
import type { Limits } from '../../core/limits.ts';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a model file as text without ever holding more than the size limit in memory: the
 * file is read up to one byte past the limit, so a larger file is refused whatever its stat
 * says (pipes and growing files included). UTF-8, UTF-8 with BOM and UTF-16 (as some Windows
 * tools save `.tm7` files) are decoded.
 */
export async function readSourceText(path: string, limits: Pick<Limits, 'maxObjectBytes'>): Promise<string> {
  const max = limits.maxObjectBytes;
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', 'no such file', { file: path });
    throw new AppError('INVALID_INPUT', `cannot read: ${(e as Error).message}`, { file: path });
  }
  try {
    const { size } = await handle.stat();
    if (size > max) throw tooLarge(path, size, max);
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > max) throw tooLarge(path, length, max);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return decode(Buffer.concat(chunks, length), path);
  } finally {
    await handle.close();
  }
}

function tooLarge(file: string, size: number, max: number): AppError {
  return new AppError('LIMIT_EXCEEDED', `model file is ${size} bytes or more, over the limit of ${max}`, {
    file,
  });
}

function decode(bytes: Buffer, file: string): string {
  const bom = bytes.subarray(0, 2).toString('hex');
  const encoding = bom === 'fffe' ? 'utf-16le' : bom === 'feff' ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('INVALID_INPUT', `not valid ${encoding} text`, { file });
  }
}
