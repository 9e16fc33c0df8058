import { AppError } from '../../core/errors.ts';
import type { IngestFormat, Source } from '../source.ts';
import { createCsvSource, type CsvOptions } from './csv.ts';
import { createMispSource } from './misp/index.ts';
import { createStixSource } from './stix.ts';
import { createTextSource } from './text.ts';

export { detectFormat } from './detect-format.ts';

export interface SourceSettings {
  headers?: Record<string, string>;
  allowPrivate?: boolean;
  allowRedirects?: boolean;
  csv?: CsvOptions;
  mispState?: Record<string, number>;
}

/** The reader of one input format, configured for one feed or one `intel ingest`. */
export function createSource(format: IngestFormat, settings: SourceSettings = {}): Source {
  const fetch = {
    ...(settings.headers ? { headers: settings.headers } : {}),
    ...(settings.allowPrivate ? { allowPrivate: true } : {}),
    ...(settings.allowRedirects ? { allowRedirects: true } : {}),
  };
  switch (format) {
    case 'stix':
      return createStixSource(fetch);
    case 'csv':
      return createCsvSource({ ...settings.csv, ...fetch });
    case 'text':
      return createTextSource(fetch);
    case 'misp':
      return createMispSource({ ...fetch, ...(settings.mispState ? { previous: settings.mispState } : {}) });
    default:
      throw new AppError('USAGE', `unknown format ${String(format)}`);
  }
}
