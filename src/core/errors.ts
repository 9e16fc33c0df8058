/**
 * The one error type of Threatloom. Codes form a closed set; each maps to one CLI exit code
 * and one HTTP status here, and nowhere else.
 */
export const ERROR_CODES = {
  USAGE: { exit: 2, http: 400 },
  INVALID_INPUT: { exit: 2, http: 400 },
  NOT_FOUND: { exit: 2, http: 404 },
  CONFLICT: { exit: 2, http: 409 },
  LIMIT_EXCEEDED: { exit: 2, http: 413 },
  FORBIDDEN: { exit: 2, http: 403 },
  UNAUTHORIZED: { exit: 2, http: 401 },
  FETCH_BLOCKED: { exit: 2, http: 400 },
  FETCH_FAILED: { exit: 2, http: 502 },
  INTERNAL: { exit: 3, http: 500 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorLocation {
  /** File name or URL the input came from. */
  file?: string;
  /** 1-based line number. */
  line?: number;
  /** 1-based column or character position. */
  column?: number;
  /** JSON path such as `$.objects[3].pattern`. */
  path?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.location = location;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }

  /** `file:line:column path: message`, with whatever parts are known. */
  describe(): string {
    const { file, line, column, path } = this.location;
    const where = [file, line, column].filter((p) => p !== undefined).join(':');
    const prefix = [where, path].filter(Boolean).join(' ');
    return prefix ? `${prefix}: ${this.message}` : this.message;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Turns anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new AppError('INTERNAL', message, {}, { cause: e });
}
