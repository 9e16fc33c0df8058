/** The clock, injectable so that tests and replays control "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Current time as a STIX-style ISO 8601 UTC timestamp with milliseconds. */
export function isoNow(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}

const FRACTION = /\.(\d+)Z$/;

/**
 * A sortable key for an RFC 3339 UTC timestamp: the fraction padded to 9 digits, so that
 * `…:19Z` < `…:19.5Z` < `…:19.735Z` compare correctly as strings (STIX 2.1 §3.2 allows any
 * sub-second precision).
 */
export function timestampKey(ts: string): string {
  const m = FRACTION.exec(ts);
  if (m) return `${ts.slice(0, m.index)}.${m[1]!.padEnd(9, '0').slice(0, 9)}Z`;
  return ts.endsWith('Z') ? `${ts.slice(0, -1)}.000000000Z` : ts;
}
