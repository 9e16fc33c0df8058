import { AppError } from '../../core/errors.ts';
import { formatJsonPath, type PathSegment } from '../model/json-path.ts';
import type { Locator } from '../model/source-locator.ts';

export interface RawSource {
  file: string;
  /** Maps a JSON path to a line of the source text, where the format allows it. */
  locate?: Locator;
}

type Scalar = string | number | boolean;

/**
 * A value read from an untrusted file, with the JSON path it was found at. Every accessor
 * checks the type it returns and fails with an AppError naming the file, line and path. YAML
 * `key:` with no value (null) counts as absent, as the formats we import write it that way.
 */
export class Raw {
  constructor(
    readonly value: unknown,
    readonly path: readonly PathSegment[],
    readonly source: RawSource,
  ) {}

  static root(value: unknown, source: RawSource): Raw {
    return new Raw(value, [], source);
  }

  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  isObject(): boolean {
    return typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value);
  }

  get(key: PathSegment): Raw {
    const box = this.value;
    const own = typeof box === 'object' && box !== null && Object.hasOwn(box, key);
    return new Raw(
      own ? (box as Record<PathSegment, unknown>)[key] : undefined,
      [...this.path, key],
      this.source,
    );
  }

  fail(message: string): never {
    const pos = this.source.locate?.(this.path);
    throw new AppError('INVALID_INPUT', message, {
      file: this.source.file,
      line: pos?.line,
      column: pos?.column,
      path: formatJsonPath(this.path),
    });
  }

  /** Asserts an object (map); absent is an error. */
  object(): Raw {
    if (!this.isObject()) this.fail(`expected an object, got ${describe(this.value)}`);
    return this;
  }

  /** The items of an array; absent is an empty list. */
  items(): Raw[] {
    if (!this.present) return [];
    if (!Array.isArray(this.value)) this.fail(`expected an array, got ${describe(this.value)}`);
    return this.value.map((_, i) => this.get(i));
  }

  /** The entries of a map keyed by name (Threagile style); absent is an empty list. */
  entries(): [string, Raw][] {
    if (!this.present) return [];
    this.object();
    return Object.keys(this.value as object).map((k) => [k, this.get(k)]);
  }

  str(): string {
    if (typeof this.value !== 'string') this.fail(`expected a string, got ${describe(this.value)}`);
    return this.value;
  }

  /** A string, or undefined when absent; numbers are accepted and written as text (YAML `1.0`). */
  optStr(): string | undefined {
    if (!this.present) return undefined;
    if (typeof this.value === 'number') return String(this.value);
    return this.str();
  }

  /** A non-empty string, or undefined when absent or empty. */
  text(): string | undefined {
    const s = this.optStr();
    return s === undefined || s === '' ? undefined : s;
  }

  optNum(): number | undefined {
    if (!this.present) return undefined;
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) {
      this.fail(`expected a number, got ${describe(this.value)}`);
    }
    return this.value;
  }

  optBool(): boolean | undefined {
    if (!this.present) return undefined;
    if (typeof this.value !== 'boolean') this.fail(`expected true or false, got ${describe(this.value)}`);
    return this.value;
  }

  /** A list of strings; absent is undefined, null items are skipped. */
  strings(): string[] | undefined {
    if (!this.present) return undefined;
    return this.items()
      .filter((r) => r.present)
      .map((r) => r.optStr()!);
  }

  /** The scalar entries of a free-form map (attributes, properties); other values are skipped. */
  scalars(): Record<string, Scalar> {
    const out: Record<string, Scalar> = {};
    for (const [k, v] of this.entries()) {
      if (typeof v.value === 'string' || typeof v.value === 'boolean') out[k] = v.value;
      else if (typeof v.value === 'number' && Number.isFinite(v.value)) out[k] = v.value;
    }
    return out;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
