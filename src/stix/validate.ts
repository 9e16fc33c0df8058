import type { z } from 'zod';
import { DEFAULT_LIMITS } from '../core/limits.ts';
import { isCertainlyValidIndicator } from './fast-indicator.ts';
import { toJsonPath } from './json-path.ts';
import { customObjectSchema } from './schemas/custom.ts';
import { SCHEMAS } from './schemas/registry.ts';
import type { StixObject } from './types.ts';
import { findUnsafeShape } from './unsafe-keys.ts';

export interface StixIssue {
  /** JSON path relative to the object, e.g. `$.valid_from`. */
  path: string;
  message: string;
}

export type StixValidation = { ok: true; object: StixObject } | { ok: false; issues: StixIssue[] };

/** Issues reported for one object at most; the rest are summed up in one more. */
const MAX_ISSUES = 20;

/** Types that may not appear as objects: `bundle` is a container, `action` is reserved (§3.1). */
const NOT_OBJECTS: ReadonlyMap<string, string> = new Map([
  ['bundle', 'a bundle is not a STIX object; validate its objects one by one'],
  ['action', '"action" is a reserved type name'],
]);

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

const PARSE_OPTIONS = {
  error: (iss: z.core.$ZodRawIssue): string | undefined => {
    if (iss.code !== 'invalid_type') return undefined;
    if (iss.input === undefined) return 'required property is missing';
    return `must be ${EXPECTED[iss.expected] ?? iss.expected}`;
  },
};

/**
 * Validates one STIX 2.1 object against the schema of its type. Objects of an unknown type —
 * custom `x-…` types and types defined by extension-definitions alike — are accepted when their
 * `type` is a valid type name, their `id` agrees with it and the common properties they carry
 * are valid. On success the object returned is the input itself, with every property kept.
 * Never throws.
 */
export function validateStixObject(raw: unknown): StixValidation {
  try {
    return validate(raw);
  } catch (e) {
    return fail('$', `could not be validated: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function validate(raw: unknown): StixValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return fail('$', 'must be a JSON object');
  const unsafe = findUnsafeShape(raw, DEFAULT_LIMITS.maxDepth);
  if (unsafe) return fail(unsafe.path, unsafe.message);
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') {
    return fail('$.type', type === undefined ? 'required property is missing' : 'must be a string');
  }
  const refusal = NOT_OBJECTS.get(type);
  if (refusal) return fail('$.type', refusal);
  if (type === 'indicator' && isCertainlyValidIndicator(raw as Record<string, unknown>)) {
    return { ok: true, object: raw as StixObject };
  }
  const schema = SCHEMAS.get(type) ?? customObjectSchema;
  const result = schema.safeParse(raw, PARSE_OPTIONS);
  if (result.success) return { ok: true, object: raw as StixObject };
  const issues = result.error.issues
    .slice(0, MAX_ISSUES)
    .map((i) => ({ path: toJsonPath(i.path), message: i.message }));
  const more = result.error.issues.length - issues.length;
  if (more > 0) issues.push({ path: '$', message: `and ${more} more issues` });
  return { ok: false, issues };
}

function fail(path: string, message: string): StixValidation {
  return { ok: false, issues: [{ path, message }] };
}
