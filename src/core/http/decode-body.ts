import { pipeline, Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { AppError } from '../errors.ts';

/** Passes bytes through and fails as soon as more than `max` have gone by. */
function byteCap(max: number, describe: (n: number) => AppError): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > max) return done(describe(max));
      done(null, chunk);
    },
  });
}

function decoderFor(encoding: string, url: string): Transform {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new AppError('FETCH_FAILED', `unsupported content-encoding "${encoding}"`, { file: url });
  }
}

export interface DecodeOptions {
  url: string;
  /** The Content-Encoding header value (`gzip`, `br`, `gzip, br`…), or undefined. */
  contentEncoding: string | undefined;
  maxCompressedBytes: number;
  maxDecodedBytes: number;
}

/**
 * Decompresses a response body while streaming, with a cap on the bytes received and another
 * on the bytes produced: a compression bomb stops at the cap, never inflated whole.
 */
export function decodeBody(body: Readable, opts: DecodeOptions): Readable {
  const { url } = opts;
  // RFC 9110 §8.4: codings are listed in the order applied, so undo them in reverse.
  const codings = (opts.contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse();
  const stages = [
    byteCap(
      opts.maxCompressedBytes,
      (n) => new AppError('LIMIT_EXCEEDED', `response body exceeds ${n} bytes`, { file: url }),
    ),
    ...codings.map((c) => decoderFor(c, url)),
    byteCap(
      opts.maxDecodedBytes,
      (n) => new AppError('LIMIT_EXCEEDED', `decompressed body exceeds ${n} bytes`, { file: url }),
    ),
  ];
  return pipeline([body, ...stages], () => undefined) as unknown as Readable;
}
