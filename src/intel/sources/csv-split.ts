import { isUtf8 } from 'node:buffer';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;

/** One record's bytes (without its line end) and the line it starts on, or a record over the cap. */
export type RawRecord = { line: number; bytes: Buffer } | { line: number; tooLong: true };

export interface SplitOptions {
  maxLineBytes: number;
  /** The field delimiter byte; quoting (RFC 4180 §2.5–2.7) only applies when there is one. */
  delimiter: number | undefined;
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
  /** Skipping the rest of a record over the cap, up to the next raw line feed. */
  Skipping,
}

/**
 * Splits a byte stream into records: at each line feed outside a quoted field (RFC 4180), or
 * at every line feed for a plain list. A record longer than `maxLineBytes` is never held
 * whole: it is dropped as it streams and reported once, and reading resumes at the next line.
 * Records come in batches, one per chunk read, to keep per-record overhead low.
 */
export async function* splitRecords(
  stream: AsyncIterable<Buffer>,
  opts: SplitOptions,
): AsyncGenerator<RawRecord[]> {
  const { maxLineBytes, delimiter } = opts;
  const quoting = delimiter !== undefined;
  let state = State.FieldStart;
  let line = 1;
  let startLine = 1;
  let parts: Buffer[] = [];
  let held = 0;

  const finish = (chunk: Buffer, from: number, to: number): RawRecord => {
    const tail = chunk.subarray(from, to);
    const whole = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
    const bytes = whole.at(-1) === CR ? whole.subarray(0, -1) : whole;
    parts = [];
    held = 0;
    return bytes.length > maxLineBytes ? { line: startLine, tooLong: true } : { line: startLine, bytes };
  };

  for await (const chunk of stream) {
    const out: RawRecord[] = [];
    const len = chunk.length;
    let from = 0;
    let lfAt = chunk.indexOf(LF);
    let qAt = quoting ? chunk.indexOf(QUOTE) : -1;
    for (let i = 0; i < len; i++) {
      if (lfAt !== -1 && lfAt < i) lfAt = chunk.indexOf(LF, i);
      if (qAt !== -1 && qAt < i) qAt = chunk.indexOf(QUOTE, i);
      // Jump to the next byte that can change the record: a line feed, or a quote when quoting.
      if (
        !quoting ||
        state === State.Skipping ||
        (state !== State.Quoted && (qAt === -1 || (lfAt !== -1 && lfAt < qAt)))
      ) {
        i = lfAt === -1 ? len : lfAt;
      } else if (state === State.Quoted) {
        const end = qAt === -1 ? len : qAt;
        // Line feeds inside a quoted field only count lines (RFC 4180 §2.6).
        for (; lfAt !== -1 && lfAt < end; lfAt = chunk.indexOf(LF, lfAt + 1)) line++;
        i = end;
      } else {
        // Up to the quote there are only delimiters, spaces and other bytes: they decide
        // whether the quote opens a field. Spaces may precede it (ThreatFox writes `"a", "b"`).
        for (; i < qAt; i++) {
          const b = chunk[i];
          state =
            b === delimiter || (b === SPACE && state === State.FieldStart)
              ? State.FieldStart
              : State.Unquoted;
        }
      }
      if (i >= len) break;
      if (chunk[i] === LF) {
        out.push(state === State.Skipping ? { line: startLine, tooLong: true } : finish(chunk, from, i));
        state = State.FieldStart;
        from = i + 1;
        startLine = ++line;
      } else if (state === State.FieldStart) state = State.Quoted;
      else if (state === State.Quoted) state = State.QuoteInQuoted;
      else if (state === State.QuoteInQuoted) state = State.Quoted;
    }
    if (state !== State.Skipping && from < chunk.length) {
      held += chunk.length - from;
      if (held > maxLineBytes) {
        state = State.Skipping;
        parts = [];
        held = 0;
      } else parts.push(chunk.subarray(from));
    }
    if (out.length > 0) yield out;
  }
  if (state === State.Skipping) yield [{ line: startLine, tooLong: true }];
  else if (held > 0) yield [finish(Buffer.alloc(0), 0, 0)];
}

/** A line as text, without a leading byte order mark on the first; undefined when not UTF-8. */
export function decodeLine(bytes: Buffer, first: boolean): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const text = bytes.toString('utf8');
  return first && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
