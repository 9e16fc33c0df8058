import { isUtf8 } from 'node:buffer';
import { AppError } from '../core/errors.ts';
import type { Limits } from '../core/limits.ts';
import { JsonValueScanner, jsonPath, parseScannedJson } from './safe-json.ts';

/**
 * An object read from a bundle, or why one could not be read. `index` is the position in the
 * `objects` array (or the top-level array); -1 marks a problem of the bundle envelope itself.
 */
export type BundleItem = { index: number; object: unknown } | { index: number; error: AppError };

export interface ReadBundleOptions {
  limits: Limits;
  /** Named in every error. */
  file?: string;
}

/**
 * Streams the objects of a STIX bundle one at a time, in bounded memory whatever the input size.
 *
 * Accepted inputs: a bundle `{"type":"bundle","id":…,"objects":[…]}` (its `objects` array is
 * streamed; an `objects` array seen before `type` is streamed as a bundle's), a top-level array
 * of objects `[…]`, or one bare STIX object `{…}` (yielded as index 0).
 *
 * A byte scanner finds where each element ends, tracking only strings, escapes and nesting, and
 * each element is then decoded (strict UTF-8) and parsed alone by parseScannedJson (limits,
 * duplicate keys, `__proto__`). An element over `maxObjectBytes`, deeper than `maxDepth` or with
 * a string far over `maxStringLength` is scanned past without being kept. A bad element gives an
 * error item and reading goes on; a broken outer structure (bad separator, mismatched bracket,
 * truncation, trailing data) gives a final error item naming the element index and byte offset.
 * The envelope's `type`, `id` and `spec_version` are checked, and its other members parsed like
 * elements; their errors come at index -1 when the top-level object ends (for a bare object, the
 * first of them is its index 0 error).
 */
export async function* readBundle(
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  opts: ReadBundleOptions,
): AsyncGenerator<BundleItem> {
  const reader = new BundleReader(opts);
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const items = reader.push(bytes);
    yield* items;
    if (reader.done) return;
  }
  yield* reader.end();
}

const WS = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;
const BOM = [0xef, 0xbb, 0xbf];
const ENVELOPE = ['type', 'id', 'spec_version'];
const MAX_MEMBER_ERRORS = 10;
const BUNDLE_ID = /^bundle--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type State =
  | 'start'
  | 'member-first'
  | 'member'
  | 'colon'
  | 'member-value'
  | 'member-next'
  | 'element-first'
  | 'element'
  | 'element-next'
  | 'end';

/** What the value scanner is reading: a key or a value of the top-level object, or an element. */
type Purpose = 'key' | 'member' | 'element';

class BundleReader {
  done = false;
  private state: State = 'start';
  private offset = 0;
  private topArray = false;
  private streamed = false;
  private nextIndex = 0;
  private key = '';
  private readonly members = new Map<string, unknown>();
  private readonly memberErrors: AppError[] = [];
  private membersBytes = 0;
  private scanning: { purpose: Purpose; scanner: JsonValueScanner } | undefined;
  private items: BundleItem[] = [];

  constructor(private readonly opts: ReadBundleOptions) {}

  push(chunk: Buffer): BundleItem[] {
    this.items = [];
    let i = 0;
    while (i < chunk.length && !this.done) {
      if (this.scanning) {
        const end = this.scanning.scanner.scan(chunk, i, this.offset);
        if (end < 0) break;
        i = end;
        this.finishValue(this.scanning.purpose, this.scanning.scanner);
      } else if (
        WS[chunk[i]!] ||
        (this.state === 'start' && this.offset + i < 3 && chunk[i] === BOM[this.offset + i])
      ) {
        i++;
      } else {
        i = this.step(chunk[i]!, this.offset + i) ? i + 1 : i;
      }
    }
    this.offset += chunk.length;
    return this.items;
  }

  end(): BundleItem[] {
    this.items = [];
    if (!this.done && this.state !== 'end') {
      const inElement = this.scanning?.purpose === 'element';
      const index = inElement ? this.nextIndex - 1 : this.nextIndex;
      const where = inElement
        ? `inside ${this.elementPath(index)}, which starts at byte ${this.scanning!.scanner.start}`
        : this.state === 'start'
          ? 'before any JSON value'
          : `after ${this.nextIndex} element(s)`;
      this.fatal(`input truncated: it ends at byte ${this.offset} ${where}`, index);
    }
    return this.items;
  }

  /** Handles one structural byte outside any value; returns whether it was consumed. */
  private step(c: number, at: number): boolean {
    switch (this.state) {
      case 'start':
        if (c === 0x7b) this.state = 'member-first';
        else if (c === 0x5b) [this.state, this.topArray] = ['element-first', true];
        else this.unexpected('a STIX bundle, an array of objects or one object', c, at);
        return true;
      case 'member-first':
      case 'member':
        if (c === 0x7d && this.state === 'member-first') this.endTop();
        else if (c === 0x22) this.startValue('key', at, this.opts.limits.maxStringLength * 6);
        else this.unexpected('a property name', c, at);
        return c === 0x7d;
      case 'colon':
        if (c === 0x3a) this.state = 'member-value';
        else this.unexpected("':'", c, at);
        return true;
      case 'member-value':
        if (
          c === 0x5b &&
          this.key === 'objects' &&
          [undefined, 'bundle'].includes(this.members.get('type') as string)
        ) {
          [this.state, this.streamed] = ['element-first', true];
          return true;
        }
        this.startValue('member', at, this.opts.limits.maxObjectBytes);
        return false;
      case 'member-next':
        if (c === 0x2c) this.state = 'member';
        else if (c === 0x7d) this.endTop();
        else this.unexpected("',' or '}'", c, at);
        return true;
      case 'element-first':
      case 'element':
        if (c === 0x5d && this.state === 'element-first') {
          this.state = this.topArray ? 'end' : 'member-next';
          return true;
        }
        this.startValue('element', at, this.opts.limits.maxObjectBytes);
        this.nextIndex++;
        return false;
      case 'element-next':
        if (c === 0x2c) this.state = 'element';
        else if (c === 0x5d) this.state = this.topArray ? 'end' : 'member-next';
        else this.unexpected("',' or ']'", c, at);
        return true;
      case 'end':
        this.unexpected('nothing after the end of the JSON value', c, at);
        return true;
    }
  }

  /** A structural byte that does not fit where it stands (a method, not a closure: `step` runs for every such byte). */
  private unexpected(what: string, c: number, at: number): void {
    this.fatal(`expected ${what} at byte ${at}, found ${show(c)}`, this.nextIndex);
  }

  private startValue(purpose: Purpose, at: number, maxBytes: number): void {
    const { maxDepth, maxStringLength } = this.opts.limits;
    // A bare object's members sit one level below the object.
    const depth = purpose === 'element' ? maxDepth : maxDepth - 1;
    const scanner = new JsonValueScanner({ start: at, maxBytes, maxDepth: depth, maxStringLength });
    this.scanning = { purpose, scanner };
  }

  private finishValue(purpose: Purpose, scanner: JsonValueScanner): void {
    this.scanning = undefined;
    if (scanner.fatal !== undefined) {
      this.fatal(scanner.fatal, purpose === 'element' ? this.nextIndex - 1 : this.nextIndex);
      return;
    }
    if (purpose === 'element') {
      this.state = 'element-next';
      this.items.push(this.element(scanner, this.nextIndex - 1));
      return;
    }
    const parsed = this.parse(scanner, purpose === 'key' ? '$' : jsonPath('$', [this.key]));
    if (parsed instanceof AppError) this.memberError(parsed);
    this.membersBytes += scanner.size;
    if (purpose === 'key') {
      this.state = 'colon';
      this.key = typeof parsed === 'string' ? parsed : '';
      if (this.members.has(this.key) || this.key === '__proto__') {
        const message = `duplicate or forbidden key ${JSON.stringify(this.key)}`;
        this.memberError(this.error('INVALID_INPUT', message, jsonPath('$', [this.key])));
      }
      return;
    }
    this.state = 'member-next';
    // Past maxObjectBytes the top level can only be a bundle: keep just its envelope.
    const keep = this.membersBytes <= this.opts.limits.maxObjectBytes || ENVELOPE.includes(this.key);
    if (keep) this.members.set(this.key, parsed);
  }

  /** Keeps the first few errors of top-level members (bounded, whatever the input). */
  private memberError(error: AppError): void {
    if (this.memberErrors.length < MAX_MEMBER_ERRORS) this.memberErrors.push(error);
  }

  private element(scanner: JsonValueScanner, index: number): BundleItem {
    const path = this.elementPath(index);
    const parsed = this.parse(scanner, path);
    if (parsed instanceof AppError) return { index, error: parsed };
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      const message = `${path} is not a JSON object (it starts at byte ${scanner.start})`;
      return { index, error: this.error('INVALID_INPUT', message, path) };
    }
    return { index, object: parsed };
  }

  /** Decodes and parses a scanned value, returning the error instead of throwing it. */
  private parse(scanner: JsonValueScanner, path: string): unknown {
    if (scanner.problem) {
      return this.error(
        scanner.problem.code,
        `${scanner.problem.message} (${path} starts at byte ${scanner.start})`,
        path,
      );
    }
    const bytes = scanner.bytes();
    if (!isUtf8(bytes)) {
      const at = scanner.start + firstInvalidByte(bytes);
      return this.error('INVALID_INPUT', `invalid UTF-8 at byte ${at} in ${path}`, path);
    }
    try {
      return parseScannedJson(bytes.toString('utf8'), scanner, {
        limits: this.opts.limits,
        path,
        file: this.opts.file,
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return new AppError(e.code, `${e.message} (${path} starts at byte ${scanner.start})`, e.location);
    }
  }

  /** End of the top-level object: a bundle's envelope is checked, a bare object is yielded. */
  private endTop(): void {
    this.state = 'end';
    const type = this.members.get('type');
    if (!this.streamed && type !== 'bundle') {
      const tooLarge = this.membersBytes > this.opts.limits.maxObjectBytes;
      const message = `object larger than ${this.opts.limits.maxObjectBytes} bytes`;
      const error = tooLarge ? this.error('LIMIT_EXCEEDED', message, '$') : this.memberErrors[0];
      this.items.push(error ? { index: 0, error } : { index: 0, object: Object.fromEntries(this.members) });
      return;
    }
    for (const error of this.memberErrors) this.items.push({ index: -1, error });
    const id = this.members.get('id');
    const version = this.members.get('spec_version');
    if (type !== 'bundle') {
      this.envelopeError('$.type', `a bundle's type must be "bundle", not ${JSON.stringify(type)}`);
    }
    if (typeof id !== 'string' || !BUNDLE_ID.test(id)) {
      this.envelopeError('$.id', `invalid bundle id ${JSON.stringify(id)}`);
    }
    if (version !== undefined && version !== '2.0' && version !== '2.1') {
      this.envelopeError('$.spec_version', `unknown spec_version ${JSON.stringify(version)}`);
    }
  }

  private elementPath(index: number): string {
    return this.topArray ? `$[${index}]` : `$.objects[${index}]`;
  }

  private envelopeError(path: string, message: string): void {
    this.items.push({ index: -1, error: this.error('INVALID_INPUT', message, path) });
  }

  private fatal(message: string, index: number): void {
    const inArray = this.scanning ? this.scanning.purpose === 'element' : this.state.startsWith('element');
    const path = inArray ? this.elementPath(index) : '$';
    this.items.push({ index, error: this.error('INVALID_INPUT', message, path) });
    this.done = true;
  }

  private error(code: 'INVALID_INPUT' | 'LIMIT_EXCEEDED', message: string, path: string): AppError {
    return new AppError(code, message, { file: this.opts.file, path });
  }
}

function show(c: number): string {
  return c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

/** Offset of the first byte that makes `bytes` invalid UTF-8 (error path only: a binary search). */
function firstInvalidByte(bytes: Buffer): number {
  const decodes = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let [good, bad] = [0, bytes.length];
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(mid)) good = mid;
    else bad = mid;
  }
  return bad - 1;
}
