import { parseDocument } from 'yaml';
import { AppError } from '../../core/errors.ts';
import { DEFAULT_LIMITS, type Limits } from '../../core/limits.ts';

/** Aliases a model may use; a handful is normal, thousands are an expansion attack. */
const MAX_ALIASES = 100;

/** Reads YAML or JSON text into a plain value, with the size, alias and depth limits applied. */
export function readStructuredText(text: string, file: string, limits: Limits = DEFAULT_LIMITS): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxObjectBytes) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `model is ${bytes} bytes, over the limit of ${limits.maxObjectBytes}`,
      { file },
    );
  }
  const value = /^\s*[[{]/.test(text) ? parseJsonOrYaml(text, file) : parseYaml(text, file);
  checkDepth(value, file, limits.maxDepth);
  return value;
}

function parseJsonOrYaml(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Flow-style YAML also starts with a bracket; the YAML reader gives the precise position.
    return parseYaml(text, file);
  }
}

function parseYaml(text: string, file: string): unknown {
  try {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
      const pos = first.linePos?.[0];
      const message = first.message.split('\n')[0] ?? first.message;
      throw new AppError('INVALID_INPUT', `not valid YAML or JSON: ${message}`, {
        file,
        line: pos?.line,
        column: pos?.col,
      });
    }
    return doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof ReferenceError) {
      throw new AppError('LIMIT_EXCEEDED', `too many YAML alias expansions (limit ${MAX_ALIASES})`, { file });
    }
    if (e instanceof RangeError) throw new AppError('LIMIT_EXCEEDED', 'nesting too deep', { file });
    throw new AppError('INVALID_INPUT', `not valid YAML or JSON: ${(e as Error).message}`, { file });
  }
}

function checkDepth(root: unknown, file: string, maxDepth: number): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth)
      throw new AppError('LIMIT_EXCEEDED', `nesting deeper than ${maxDepth} levels`, { file });
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}
