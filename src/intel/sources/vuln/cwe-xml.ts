import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../../core/errors.ts';
import type { Limits } from '../../../core/limits.ts';
import type { OpenedInput } from '../open-input.ts';
import { weaknessFromXml } from './cwe-weakness.ts';
import type { KnowledgeRecord } from './records.ts';

const START = /<Weakness[\s>]/g;
const END = '</Weakness>';

/**
 * Streams the `<Weakness>` elements of the CWE XML catalog (cwec_v*.xml), parsing each alone:
 * memory stays bounded by the largest element. A document type declaration is refused, so no
 * entity of the document is ever read or expanded.
 */
export async function* readCweXml(input: OpenedInput, limits: Limits): AsyncGenerator<KnowledgeRecord> {
  const decoder = new StringDecoder('utf8');
  let buf = '';
  let line = 1;
  let index = 0;
  const scan = function* (final: boolean): Generator<KnowledgeRecord> {
    for (;;) {
      if (/<!DOCTYPE|<!ENTITY/i.test(buf))
        throw new AppError(
          'INVALID_INPUT',
          'document type declarations are not allowed (no XML entities are read)',
          {
            file: input.name,
            line: line + countLines(buf, 0, buf.search(/<!DOCTYPE|<!ENTITY/i)),
          },
        );
      START.lastIndex = 0;
      const start = START.exec(buf)?.index;
      const end = start === undefined ? -1 : buf.indexOf(END, start);
      if (start === undefined || end === -1) {
        const keep = start ?? Math.max(0, buf.length - 16);
        if (buf.length - keep > limits.maxObjectBytes)
          throw new AppError(
            'LIMIT_EXCEEDED',
            `a Weakness element is larger than ${limits.maxObjectBytes} bytes`,
            {
              file: input.name,
              line: line + countLines(buf, 0, keep),
            },
          );
        if (final && start !== undefined)
          throw new AppError('INVALID_INPUT', 'truncated: a Weakness element has no end tag', {
            file: input.name,
            line: line + countLines(buf, 0, start),
          });
        line += countLines(buf, 0, keep);
        buf = buf.slice(keep);
        return;
      }
      const at = line + countLines(buf, 0, start);
      const stop = end + END.length;
      yield weaknessFromXml(buf.slice(start, stop), { index, line: at, path: `${input.name}:${at}` });
      index++;
      line = at + countLines(buf, start, stop);
      buf = buf.slice(stop);
    }
  };
  for await (const chunk of input.stream) {
    buf += decoder.write(chunk);
    yield* scan(false);
  }
  buf += decoder.end();
  yield* scan(true);
}

/** Newlines in text[from, to). */
function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
