import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeLine, splitRecords, type RawRecord } from './csv-split.ts';

async function split(
  chunks: (string | Buffer)[],
  delimiter: string | undefined,
  maxLineBytes = 1000,
): Promise<(string | number)[]> {
  const stream = Readable.from(chunks.map((c) => (Buffer.isBuffer(c) ? c : Buffer.from(c))));
  const batches = splitRecords(stream, { maxLineBytes, delimiter: delimiter?.charCodeAt(0) });
  const records: RawRecord[] = [];
  for await (const batch of batches) records.push(...batch);
  const out: (string | number)[] = [];
  for (const r of records) {
    out.push('tooLong' in r ? -r.line : `${r.line}:${r.bytes.toString()}`);
  }
  return out;
}

describe('splitRecords', () => {
  it('splits on LF and CRLF, across chunk boundaries, with a last line without end', async () => {
    expect(await split(['a,b\r', '\nc,d\n', 'e', ',f'], ',')).toEqual(['1:a,b', '2:c,d', '3:e,f']);
  });

  it('keeps line feeds inside quoted fields and counts their lines (RFC 4180 §2.6)', async () => {
    expect(await split(['x,"multi\nline, ""q""",y\nnext\n'], ',')).toEqual([
      '1:x,"multi\nline, ""q""",y',
      '3:next',
    ]);
  });

  it('treats a quote inside an unquoted field as a character', async () => {
    expect(await split(['ab"c,d\ne\n'], ',')).toEqual(['1:ab"c,d', '2:e']);
  });

  it('ignores quotes in a plain list', async () => {
    expect(await split(['"a\nb\n'], undefined)).toEqual(['1:"a', '2:b']);
  });

  it('reports an over-long line once, by its line number, and reads on', async () => {
    const long = 'x'.repeat(50);
    expect(await split(['ok\n', long.slice(0, 20), long.slice(20), '\nafter\n'], ',', 30)).toEqual([
      '1:ok',
      -2,
      '3:after',
    ]);
  });

  it('bounds an unterminated quote by the line cap and resumes at the next line', async () => {
    const chunks = ['a,"open', ...Array.from({ length: 10 }, () => 'y'.repeat(10) + '\n'), 'z\n'];
    const out = await split(chunks, ',', 40);
    expect(out[0]).toBe(-1);
    expect(out.at(-1)).toBe('11:z');
  });
});

describe('decodeLine', () => {
  it('drops a byte order mark on the first line only and refuses invalid UTF-8', () => {
    expect(decodeLine(Buffer.from('\ufeffa,b'), true)).toBe('a,b');
    expect(decodeLine(Buffer.from('\ufeffa'), false)).toBe('\ufeffa');
    expect(decodeLine(Buffer.from([0x61, 0xc3, 0x28]), false)).toBeUndefined();
  });
});
