import { AppError } from '../core/errors.ts';
import { DEFAULT_LIMITS } from '../core/limits.ts';

/**
 * JSON Canonicalization Scheme (RFC 8785): no whitespace, object keys sorted by UTF-16 code
 * units, numbers and strings serialized as ECMAScript's JSON.stringify does (§3.2.2).
 */
export function canonicalJson(value: unknown, maxDepth = DEFAULT_LIMITS.maxDepth): string {
  return serialize(value, maxDepth);
}

function serialize(value: unknown, depthLeft: number): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new AppError('INVALID_INPUT', `cannot canonicalize the number ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw new AppError('INVALID_INPUT', `cannot canonicalize a ${typeof value}`);
  if (depthLeft <= 0) throw new AppError('LIMIT_EXCEEDED', 'value is nested too deeply to canonicalize');
  if (Array.isArray(value)) return `[${value.map((v) => serialize(v, depthLeft - 1)).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${serialize((value as Record<string, unknown>)[k], depthLeft - 1)}`);
  return `{${entries.join(',')}}`;
}
