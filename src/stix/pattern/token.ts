import { AppError } from '../../core/errors.ts';

/** Tokens of the STIX pattern lexer, and its error. */
export type TokenKind =
  | 'int'
  | 'float'
  | 'string'
  | 'bool'
  | 'timestamp'
  | 'hex'
  | 'binary'
  | 'keyword'
  | 'identifier'
  | 'punct'
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text; for string-like literals the decoded value, for numbers the text without `+`. */
  text: string;
  /** 0-based index of the first character. */
  start: number;
  /** `int`/`float`: a leading `-`; `identifier`: contains a hyphen (only valid as an object type). */
  flag?: boolean;
}

export function lexError(message: string, index: number): AppError {
  return new AppError('INVALID_INPUT', `invalid STIX pattern at column ${index + 1}: ${message}`, {
    column: index + 1,
  });
}
