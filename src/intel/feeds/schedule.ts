import { AppError } from '../../core/errors.ts';

/** A feed schedule: `every N` minutes (`m`), hours (`h`) or days (`d`). */
export const SCHEDULE_RE = /^every [1-9]\d{0,5}[mhd]$/;

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The interval of a schedule in milliseconds; a usage error naming the expected form otherwise. */
export function scheduleInterval(schedule: string): number {
  if (!SCHEDULE_RE.test(schedule)) {
    throw new AppError(
      'USAGE',
      `schedule must be "every N" then m, h or d (e.g. "every 6h"), not ${JSON.stringify(schedule)}`,
    );
  }
  const unit = schedule.at(-1) as keyof typeof UNIT_MS;
  return Number(schedule.slice(6, -1)) * UNIT_MS[unit];
}

/**
 * When a scheduled feed is next due: its last run's start plus the interval, or now when it
 * never ran. A feed without a schedule is never due, nor is one whose stored schedule is not
 * of the form above (saved before schedules were checked): both run when named.
 */
export function nextRun(schedule: string | null, lastStarted: string | undefined, now: Date): Date | null {
  if (schedule === null || !SCHEDULE_RE.test(schedule)) return null;
  if (lastStarted === undefined) return now;
  return new Date(Date.parse(lastStarted) + scheduleInterval(schedule));
}
