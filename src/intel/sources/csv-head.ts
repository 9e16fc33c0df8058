/** The first bytes of a stream, and the whole stream again (those bytes included). */
export interface Peeked {
  head: Buffer;
  /** True when the head is the whole input. */
  complete: boolean;
  stream: AsyncIterable<Buffer>;
}

/** Reads at least `bytes` bytes (or all there is) without losing them for the reader after. */
export async function peek(stream: AsyncIterable<Buffer>, bytes: number): Promise<Peeked> {
  const it = stream[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let total = 0;
  let complete = false;
  while (total < bytes) {
    const next = await it.next();
    if (next.done) {
      complete = true;
      break;
    }
    parts.push(next.value);
    total += next.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* parts;
    if (complete) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { head: Buffer.concat(parts), complete, stream: replay() };
}

/** Comment prefixes: the one given, else `#`, `//` and — unless `;` is the delimiter given — `;`. */
export function commentPrefixes(comment: string | undefined, delimiter: string | undefined): string[] {
  if (comment) return [comment];
  return delimiter === ';' ? ['#', '//'] : ['#', '//', ';'];
}

export function commentText(line: string, prefixes: readonly string[]): string | undefined {
  const text = line.trimStart();
  const prefix = prefixes.find((p) => text.startsWith(p));
  return prefix === undefined ? undefined : text.slice(prefix.length).trim();
}

/** Up to 20 data lines of the head (comments and blank lines left out) to detect the delimiter on. */
export function sampleLines(head: Buffer, complete: boolean, prefixes: readonly string[]): string[] {
  const lines = new TextDecoder().decode(head).split('\n');
  if (!complete) lines.pop();
  return lines
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && commentText(l, prefixes) === undefined)
    .slice(0, 20);
}
