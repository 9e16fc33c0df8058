import { describe, expect, it } from 'vitest';
import { nextRun, scheduleInterval } from './schedule.ts';

describe('feed schedules', () => {
  it('reads "every N" minutes, hours and days', () => {
    expect(scheduleInterval('every 15m')).toBe(15 * 60_000);
    expect(scheduleInterval('every 6h')).toBe(6 * 3_600_000);
    expect(scheduleInterval('every 7d')).toBe(7 * 86_400_000);
  });

  it('refuses anything else, naming the expected form', () => {
    for (const bad of [
      'whenever',
      'every 0h',
      'every 1w',
      'every -1d',
      'every 1 h',
      'every 1234567d',
      'Every 1h',
    ])
      expect(() => scheduleInterval(bad), bad).toThrow(/schedule must be "every N"/);
  });

  it('is due at once when it never ran, an interval after its last run otherwise, never without a valid one', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(nextRun('every 1h', undefined, now)).toEqual(now);
    expect(nextRun('every 1h', '2026-11-28T11:30:00.000Z', now)).toEqual(new Date('2026-11-28T12:30:00Z'));
    expect(nextRun(null, '2026-11-28T11:30:00.000Z', now)).toBeNull();
    // A schedule stored before schedules were checked.
    expect(nextRun('hourly', undefined, now)).toBeNull();
    expect(nextRun('hourly', '2026-11-28T11:30:00.000Z', now)).toBeNull();
  });
});
