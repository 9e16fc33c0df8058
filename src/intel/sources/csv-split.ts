const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

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
 */
export async function* splitRecords(stream: AsyncIterable<Buffer>, opts: SplitOptions): AsyncGenerator<RawRecord> {
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
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === LF) {
        if (state === State.Quoted) {
          line++;
          continue;
        }
        const rec: RawRecord = state === State.Skipping ? { line: startLine, tooLong: true } : finish(chunk, from, i);
        yield rec;
        state = State.FieldStart;
        from = i + 1;
        startLine = ++line;
        continue;
      }
      if (!quoting || state === State.Skipping) continue;
      if (state === State.FieldStart) state = b === QUOTE ? State.Quoted : b === delimiter ? State.FieldStart : State.Unquoted;
      else if (state === State.Unquoted) state = b === delimiter ? State.FieldStart : State.Unquoted;
      else if (state === State.Quoted) state = b === QUOTE ? State.QuoteInQuoted : State.Quoted;
      else state = b === QUOTE ? State.Quoted : b === delimiter ? State.FieldStart : State.Unquoted;
    }
    if (state !== State.Skipping && from < chunk.length) {
      held += chunk.length - from;
      if (held > maxLineBytes) {
        state = State.Skipping;
        parts = [];
        held = 0;
      } else parts.push(chunk.subarray(from));
    }
  }
  if (state === State.Skipping) yield { line: startLine, tooLong: true };
  else if (held > 0) yield finish(Buffer.alloc(0), 0, 0);
}
