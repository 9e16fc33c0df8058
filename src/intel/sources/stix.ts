import { readBundle } from '../../stix/bundle-reader.ts';
import type { Source, SourceRecord } from '../source.ts';
import { openInput } from './open-input.ts';

/** STIX 2.1 bundles from a file, URL or stdin, streamed one object at a time in bounded memory. */
export function createStixSource(opts: { headers?: Record<string, string>; allowPrivate?: boolean; allowRedirects?: boolean } = {}): Source {
  return {
    format: 'stix',
    async *read(input): AsyncGenerator<SourceRecord> {
      const { name, stream } = await openInput(input.location, { limits: input.limits, ...opts });
      for await (const item of readBundle(stream, { limits: input.limits, file: name })) {
        const path = `$.objects[${item.index}]`;
        if ('error' in item) {
          yield { kind: 'reject', message: item.error.message, location: { index: item.index, path: item.error.location.path ?? path } };
        } else {
          yield { kind: 'stix', object: item.object, location: { index: item.index, path } };
        }
      }
    },
  };
}
