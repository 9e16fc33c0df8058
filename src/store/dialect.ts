/** The two store dialects: the embedded default and the scale-out one. */
export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(url: string): DialectName {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** The database from `--db`, else `THREATLOOM_DB`, else `./threatloom.db`. */
export function resolveDbUrl(flag?: string): string {
  return flag ?? process.env.THREATLOOM_DB ?? './threatloom.db';
}
