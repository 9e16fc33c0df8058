import { XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../core/errors.ts';
import { safeXmlParser } from '../../../core/safe-xml.ts';

/**
 * Parses `.tm7` XML without ever resolving entities. Policy (MS TMT files never carry a
 * document type): any `<!DOCTYPE` is refused before parsing, so external entities (XXE) and
 * entity-expansion bombs are never read or expanded; the parser itself also runs with entity
 * processing off. The five predefined entities and character references are decoded afterwards
 * by one linear pass; anything else stays as written.
 */
export function parseTm7Xml(text: string, file: string): Record<string, unknown> {
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(text);
  if (doctype) {
    const { line, column } = lineAndColumn(text, doctype.index);
    throw new AppError(
      'INVALID_INPUT',
      'document type declarations are not allowed in .tm7 files (no XML entities are read)',
      { file, line, column },
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new AppError('INVALID_INPUT', `not well-formed XML: ${valid.err.msg}`, {
      file,
      line: valid.err.line,
      column: valid.err.col,
    });
  }
  const parser = safeXmlParser({ isArray: (name) => ARRAYS.has(name), trimValues: false });
  return parser.parse(text) as Record<string, unknown>;
}

/** Elements that repeat; listed so that a single occurrence still reads as a list. */
const ARRAYS = new Set([
  'DrawingSurfaceModel',
  'KeyValueOfguidanyType',
  'anyType',
  'KeyValueOfstringstring',
  'KeyValueOfstringThreatpc_P0_PhOB',
  'string',
]);

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}
