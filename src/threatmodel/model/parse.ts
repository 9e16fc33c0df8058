import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';
import { checkModel, type ModelWarning } from './check-model.ts';
import { formatJsonPath, type PathSegment } from './json-path.ts';
import { readStructuredText } from './read-text.ts';
import { ModelSchema, type ThreatModel } from './schema.ts';
import { createLocator, type Locator } from './source-locator.ts';

export interface ParsedModel {
  model: ThreatModel;
  warnings: ModelWarning[];
}

/** Parses a native model document (YAML or JSON); every error names the file, line and JSON path. */
export function parseModelText(text: string, file: string): ThreatModel {
  return parseModelDocument(text, file).model;
}

/** As {@link parseModelText}, also returning the non-fatal findings of the reference checks. */
export function parseModelDocument(text: string, file: string, limits: Limits = DEFAULT_LIMITS): ParsedModel {
  const value = readStructuredText(text, file, limits);
  const locate = createLocator(text);
  return validateModelValue(value, { file, locate });
}

export interface ValidateOptions {
  file: string;
  /** Maps a JSON path to a source line; importers that convert other formats may omit it. */
  locate?: Locator;
}

/** Validates an already-parsed value (e.g. one an importer built) against the schema and references. */
export function validateModelValue(value: unknown, opts: ValidateOptions): ParsedModel {
  const result = ModelSchema.safeParse(value);
  if (!result.success) throw schemaError(result.error, opts);
  const { errors, warnings } = checkModel(result.data);
  const first = errors[0];
  if (first) throw locatedError(first.message, first.path, opts);
  return { model: result.data, warnings };
}

function schemaError(error: z.ZodError, opts: ValidateOptions): AppError {
  const issue = error.issues[0]!;
  const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  if (unknownKey !== undefined) path.push(unknownKey);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return locatedError(`${issue.message}${more}`, path, opts, unknownKey !== undefined);
}

export function locatedError(
  message: string,
  path: readonly PathSegment[],
  opts: ValidateOptions,
  atKey = false,
): AppError {
  const pos = opts.locate?.(path, { key: atKey });
  return new AppError('INVALID_INPUT', message, {
    file: opts.file,
    line: pos?.line,
    column: pos?.column,
    path: formatJsonPath(path),
  });
}
