import { AppError } from '../../core/errors.ts';
import { readBundle } from '../../stix/bundle-reader.ts';
import type { Source, SourceRecord } from '../source.ts';
import { openInput } from './open-input.ts';

/** STIX 2.1 bundles from a file, URL or stdin, streamed one object at a time in bounded memory. */
export function createStixSource(
  opts: { headers?: Record<string, string>; allowPrivate?: boolean; allowRedirects?: boolean } = {},
): Source {
  return {
    format: 'stix',
    async *read(input): AsyncGenerator<SourceRecord> {
      const { name, stream } = await openInput(input.location, { limits: input.limits, ...opts });
      let seen = 0;
      for await (const item of readBundle(stream, { limits: input.limits, file: name })) {
        const path = `$.objects[${item.index}]`;
        seen += 1;
        if ('error' in item && seen === 1 && (item.error.location.path ?? '$') === '$') {
          // Nothing of the input could be read as STIX: the input is unreadable, not one bad item.
          throw new AppError('INVALID_INPUT', item.error.message, { ...item.error.location, file: name });
        }
        if ('error' in item) {
          yield {
            kind: 'reject',
            message: item.error.message,
            location: { index: item.index, path: item.error.location.path ?? path },
          };
        } else {
          yield { kind: 'stix', object: item.object, location: { index: item.index, path } };
        }
      }
    },
  };
}
