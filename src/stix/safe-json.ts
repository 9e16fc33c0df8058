import { AppError } from '../core/errors.ts';
import type { Limits } from '../core/limits.ts';

export interface SafeJsonOptions {
  limits: Pick<Limits, 'maxDepth' | 'maxStringLength'>;
  /** JSON path of this value in its document (`$` by default); error paths extend it. */
  path?: string;
  file?: string;
}

/** What a scan of the raw text counted: object members (one `:` each) and the deepest nesting. */
export interface JsonTextStats {
  keyCount: number;
  maxDepth: number;
}

/**
 * Parses one untrusted JSON value. On top of JSON.parse it refuses, with the JSON path:
 * - nesting deeper than `limits.maxDepth` (LIMIT_EXCEEDED, found on the text before parsing);
 * - a string or key longer than `limits.maxStringLength` (LIMIT_EXCEEDED);
 * - a duplicate key (INVALID_INPUT; JSON.parse would silently keep the last one);
 * - a `__proto__` key anywhere, and a `constructor` key holding an object with a `prototype`
 *   key (INVALID_INPUT). JSON.parse itself stores `__proto__` as a plain own property, so
 *   parsing cannot pollute a prototype; refusing these keys keeps a later merge or
 *   `Object.assign` from doing it.
 */
export function parseJsonSafe(text: string, options: SafeJsonOptions): unknown {
  const stats = scanJsonText(text);
  if (stats.maxDepth > options.limits.maxDepth) {
    throw new AppError(
      'LIMIT_EXCEEDED',
      `JSON nests deeper than ${options.limits.maxDepth} levels`,
      where(options),
    );
  }
  return parseScannedJson(text, stats, options);
}

/** parseJsonSafe for text whose stats a byte scanner already counted (depth already checked). */
export function parseScannedJson(text: string, stats: JsonTextStats, options: SafeJsonOptions): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AppError('INVALID_INPUT', `invalid JSON: ${(e as Error).message}`, where(options));
  }
  const walk = new Walk(options);
  walk.value(value);
  if (walk.keyCount !== stats.keyCount) {
    const duplicate = findDuplicateKey(text);
    throw walk.error(
      'INVALID_INPUT',
      `duplicate key ${JSON.stringify(duplicate?.key)}`,
      duplicate?.path ?? [],
    );
  }
  return value;
}

/** Counts members and nesting of JSON text, tracking only string and escape state. */
export function scanJsonText(text: string): JsonTextStats {
  let depth = 0;
  let maxDepth = 0;
  let keyCount = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) maxDepth = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x3a) keyCount++;
  }
  return { keyCount, maxDepth };
}

type Segment = string | number;

/** `$.objects[3].labels`, with keys that are not plain names quoted: `$['x-y']`. */
export function jsonPath(base: string, segments: readonly Segment[]): string {
  return segments.reduce<string>((p, s) => {
    if (typeof s === 'number') return `${p}[${s}]`;
    return /^[A-Za-z_$][\w$]*$/.test(s) ? `${p}.${s}` : `${p}[${JSON.stringify(s)}]`;
  }, base);
}

function where(options: SafeJsonOptions, segments: readonly Segment[] = []) {
  return { file: options.file, path: jsonPath(options.path ?? '$', segments) };
}

/** One pass over the parsed value: counts keys and enforces the string and key rules. */
class Walk {
  keyCount = 0;
  private readonly segments: Segment[] = [];
  private readonly maxString: number;

  constructor(private readonly options: SafeJsonOptions) {
    this.maxString = options.limits.maxStringLength;
  }

  error(code: 'INVALID_INPUT' | 'LIMIT_EXCEEDED', message: string, segments = this.segments): AppError {
    return new AppError(code, message, where(this.options, segments));
  }

  value(v: unknown): void {
    if (typeof v === 'string') {
      if (v.length > this.maxString)
        throw this.error('LIMIT_EXCEEDED', `string longer than ${this.maxString} characters`);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        this.segments.push(i);
        this.value(v[i]);
        this.segments.pop();
      }
    } else if (typeof v === 'object' && v !== null) {
      this.object(v as Record<string, unknown>);
    }
  }

  private object(o: Record<string, unknown>): void {
    const keys = Object.keys(o);
    this.keyCount += keys.length;
    for (const key of keys) {
      const v = o[key];
      this.segments.push(key);
      if (key.length > this.maxString)
        throw this.error('LIMIT_EXCEEDED', `key longer than ${this.maxString} characters`);
      if (key === '__proto__') throw this.error('INVALID_INPUT', 'forbidden key "__proto__"');
      if (key === 'constructor' && typeof v === 'object' && v !== null && Object.hasOwn(v, 'prototype')) {
        throw this.error('INVALID_INPUT', 'forbidden key "constructor" holding a "prototype"');
      }
      this.value(v);
      this.segments.pop();
    }
  }
}

/** The first repeated key of valid JSON text and where it is; only run once a count differs. */
function findDuplicateKey(text: string): { key: string; path: Segment[] } | undefined {
  let i = 0;
  const segments: Segment[] = [];
  const skipSpace = () => {
    while (text.charCodeAt(i) <= 0x20) i++;
  };
  const string = (): string => {
    const start = i;
    for (i++; text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): { key: string; path: Segment[] } | undefined => {
    skipSpace();
    const open = text[i];
    if (open === '"') string();
    else if (open !== '{' && open !== '[') while (i < text.length && !',]} \t\r\n'.includes(text[i]!)) i++;
    else {
      const seen = new Set<string>();
      i++;
      for (let n = 0; ; n++) {
        skipSpace();
        if (text[i] === '}' || text[i] === ']') break;
        if (text[i] === ',') i++;
        skipSpace();
        let segment: Segment = n;
        if (open === '{') {
          segment = string();
          if (seen.has(segment)) return { key: segment, path: [...segments, segment] };
          seen.add(segment);
          skipSpace();
          i++;
        }
        segments.push(segment);
        const found = value();
        segments.pop();
        if (found) return found;
      }
      i++;
    }
    return undefined;
  };
  return value();
}

export interface ScanLimits {
  /** Byte offset of the value's first byte in the whole input (for messages). */
  start: number;
  maxBytes: number;
  maxDepth: number;
  maxStringLength: number;
}

const DELIMITER = new Uint8Array(256);
for (const c of ', \t\r\n]}[{":') DELIMITER[c.charCodeAt(0)] = 1;

/**
 * Finds the end of one JSON value in bytes fed chunk by chunk, tracking only strings, escapes
 * and bracket nesting, and counts what parseScannedJson needs. It keeps the value's bytes unless
 * the value breaks a limit; then it only scans past it and sets `problem`. A mismatched bracket
 * sets `fatal`: the value's end cannot be trusted, so neither can the stream after it.
 */
export class JsonValueScanner implements JsonTextStats {
  keyCount = 0;
  maxDepth = 0;
  size = 0;
  problem: { code: 'LIMIT_EXCEEDED'; message: string } | undefined;
  fatal: string | undefined;
  private parts: Buffer[] = [];
  private depth = 0;
  private inString = false;
  private escape = false;
  private stringStart = 0;
  /** 0 not started, 1 object or array, 2 string, 3 other (number, literal or garbage). */
  private kind = 0;
  private readonly stack: Uint8Array;

  constructor(readonly limits: ScanLimits) {
    this.stack = new Uint8Array(limits.maxDepth + 2);
  }

  get start(): number {
    return this.limits.start;
  }

  /** Scans from `from`; returns the index just past the value, or -1 when it goes on. */
  scan(chunk: Buffer, from: number, base: number): number {
    let i = from;
    if (this.kind === 0) {
      const c = chunk[i];
      this.kind = c === 0x7b || c === 0x5b ? 1 : c === 0x22 ? 2 : 3;
      if (this.kind === 2) [this.inString, this.stringStart, i] = [true, base + i, i + 1];
    }
    const { stack, kind } = this;
    const depthLimit = this.limits.maxDepth;
    const maxStringBytes = this.limits.maxStringLength * 6; // `\uXXXX` is 6 bytes for 1 character
    let { depth, inString, escape } = this;
    let end = -1;
    for (; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (inString) {
        if (escape) escape = false;
        else if (c === 0x5c) escape = true;
        else if (c === 0x22) {
          inString = false;
          if (base + i - this.stringStart > maxStringBytes)
            this.fail(`string longer than ${this.limits.maxStringLength} characters`);
          if (kind === 2) {
            end = i + 1;
            break;
          }
        }
      } else if (kind === 3) {
        if (DELIMITER[c]) {
          end = i;
          break;
        }
      } else if (c === 0x22) {
        inString = true;
        this.stringStart = base + i;
      } else if (c === 0x7b || c === 0x5b) {
        if (++depth > this.maxDepth) {
          this.maxDepth = depth;
          if (depth > depthLimit) this.fail(`nesting deeper than ${depthLimit} levels`);
        }
        if (depth <= depthLimit) stack[depth] = c;
      } else if (c === 0x7d || c === 0x5d) {
        if (depth <= depthLimit && !this.problem && stack[depth] !== c - 2) {
          this.fatal = `mismatched '${String.fromCharCode(c)}' at byte ${base + i}`;
          end = i + 1;
          break;
        }
        if (--depth === 0) {
          end = i + 1;
          break;
        }
      } else if (c === 0x3a) this.keyCount++;
    }
    [this.depth, this.inString, this.escape] = [depth, inString, escape];
    if (inString && base + chunk.length - this.stringStart > maxStringBytes) {
      this.fail(`string longer than ${this.limits.maxStringLength} characters`);
    }
    const stop = end < 0 ? chunk.length : end;
    this.size += stop - from;
    if (this.size > this.limits.maxBytes) this.fail(`value larger than ${this.limits.maxBytes} bytes`);
    if (!this.problem) this.parts.push(chunk.subarray(from, stop));
    return end;
  }

  /** The value's bytes (only when there is no `problem`). */
  bytes(): Buffer {
    return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
  }

  private fail(message: string): void {
    this.problem ??= { code: 'LIMIT_EXCEEDED', message };
    this.parts = [];
  }
}
