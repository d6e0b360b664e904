import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_POLICY,
  dateOfDay,
  dayNumber,
  deadlineFrom,
  deadlineFromDay,
  remainingAmount,
  shanghaiDay,
  warningAt,
  warningLeft,
  WorkingCalendar,
} from '../src/index.js';

const cal = WorkingCalendar.official(2024, 2030);
const kind = (d: string) => cal.kindOfDay(dayNumber(d));
const at = (iso: string) => new Date(iso);
const due = (start: string, value: number, unit: 'WORKING_DAY' | 'NATURAL_DAY' | 'MONTH' | 'HOUR' = 'WORKING_DAY') =>
  deadlineFrom(cal, at(start), { value, unit });

describe('the official calendar', () => {
  it('has the make-up working days and holidays of the State Council notices', () => {
    expect(kind('2025-01-26')).toBe('MAKEUP_WORKDAY');
    expect(kind('2025-02-08')).toBe('MAKEUP_WORKDAY');
    for (let d = 1; d <= 8; d++) expect(kind(`2025-10-0${d}`)).toBe('HOLIDAY');
    for (let d = 15; d <= 23; d++) expect(kind(`2026-02-${d}`)).toBe('HOLIDAY');
    expect(kind('2026-02-14')).toBe('MAKEUP_WORKDAY');
    expect(kind('2026-02-28')).toBe('MAKEUP_WORKDAY');
    expect(kind('2025-04-27')).toBe('MAKEUP_WORKDAY');
    for (let d = 1; d <= 5; d++) expect(kind(`2025-05-0${d}`)).toBe('HOLIDAY');
    expect(kind('2025-10-09')).toBe('WORKDAY');
    expect(kind('2025-10-12')).toBe('REST_DAY');
    expect(cal.nameOfDay(dayNumber('2026-02-17'))).toBe('春节');
    expect(cal.nameOfDay(dayNumber('2025-10-02'))).toBe('国庆节');
    expect(cal.nameOfDay(dayNumber('2025-10-06'))).toBe('中秋节'); // Mid-Autumn fell inside the 2025 National Day break
  });

  it('fills years without a notice by the weekday rule and calls them provisional', () => {
    expect(cal.provisionalYears.has(2027)).toBe(true);
    expect(cal.provisionalYears.has(2026)).toBe(false);
    expect(kind('2027-10-01')).toBe('WORKDAY'); // a Friday: no notice yet
    expect(cal.isProvisional(dayNumber('2026-12-20'), dayNumber('2027-01-10'))).toBe(true);
    expect(cal.isProvisional(dayNumber('2026-01-01'), dayNumber('2026-12-31'))).toBe(false);
  });
});

describe('deadlines in working days (start day not counted, end at 24:00 Shanghai)', () => {
  it('crosses Spring Festival 2025 with its make-up Sunday', () => {
    // Fri 24 Jan → Sun 26 (make-up) 1, Mon 27 2, 28 Jan–4 Feb holiday, 5 Feb 3, 6 Feb 4, 7 Feb 5
    const d = due('2025-01-24T10:00:00+08:00', 5);
    expect(dateOfDay(d.dueDay)).toBe('2025-02-07');
    expect(d.dueAt.toISOString()).toBe('2025-02-07T16:00:00.000Z');
  });

  it('crosses Spring Festival 2026 with the make-up Saturday before it', () => {
    // Fri 13 Feb → Sat 14 (make-up) 1, 15–23 holiday, Tue 24 2
    expect(dateOfDay(due('2026-02-13T16:30:00+08:00', 2).dueDay)).toBe('2026-02-24');
    // ... and the one after: Thu 26 4? 24 2, 25 3, 26 4, 27 5, Sat 28 (make-up) 6
    expect(dateOfDay(due('2026-02-13T09:00:00+08:00', 6).dueDay)).toBe('2026-02-28');
  });

  it('starts on a holiday: National Day 2025', () => {
    // Fri 3 Oct (holiday) → Thu 9 1, Fri 10 2, Sat 11 (make-up) 3
    expect(dateOfDay(due('2025-10-03T11:00:00+08:00', 3).dueDay)).toBe('2025-10-11');
  });

  it('crosses Labour Day 2025', () => {
    // Fri 25 Apr → Sun 27 (make-up) 1, Mon 28 2, Tue 29 3, Wed 30 4, 1–5 May holiday, Tue 6 5
    expect(dateOfDay(due('2025-04-25T09:00:00+08:00', 5).dueDay)).toBe('2025-05-06');
  });

  it('uses the Shanghai date of the start instant, not UTC', () => {
    // 2025-09-30 23:30 Shanghai is 15:30 UTC the same day; 00:30 on 1 Oct Shanghai is still 30 Sep UTC.
    expect(dateOfDay(due('2025-09-30T23:30:00+08:00', 1).dueDay)).toBe('2025-10-09');
    expect(dateOfDay(due('2025-10-01T00:30:00+08:00', 1).dueDay)).toBe('2025-10-09');
    expect(dateOfDay(due('2025-09-29T23:59:00+08:00', 1).dueDay)).toBe('2025-09-30');
  });

  it('a limit of 0 ends at the end of the start day (即办件)', () => {
    expect(due('2026-03-02T10:00:00+08:00', 0).dueAt.toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });
});

describe('natural days, months and hours', () => {
  it('a period whose last day is a holiday ends on the next working day', () => {
    expect(dateOfDay(due('2025-09-26T10:00:00+08:00', 5, 'NATURAL_DAY').dueDay)).toBe('2025-10-09');
    expect(dateOfDay(due('2025-09-26T10:00:00+08:00', 3, 'NATURAL_DAY').dueDay)).toBe('2025-09-29');
  });

  it('months end on the same day of the month, or the last day of a shorter month', () => {
    expect(dateOfDay(due('2026-01-31T10:00:00+08:00', 1, 'MONTH').dueDay)).toBe('2026-02-28'); // a make-up Saturday: a working day
    expect(dateOfDay(due('2025-08-15T10:00:00+08:00', 2, 'MONTH').dueDay)).toBe('2025-10-15');
    expect(dateOfDay(due('2025-08-01T10:00:00+08:00', 2, 'MONTH').dueDay)).toBe('2025-10-09'); // 1 Oct is National Day
  });

  it('hours run on the clock, not the calendar', () => {
    expect(due('2025-09-30T10:00:00+08:00', 48, 'HOUR').dueAt.toISOString()).toBe('2025-10-02T02:00:00.000Z');
  });
});

// ---------- properties ----------

const anyDay = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2029-06-30') });
const anyN = fc.integer({ min: 0, max: 250 });

/** The day-by-day loop the lookup replaces: the reference for correctness. */
function naiveAdd(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0;) {
    d++;
    if (cal.isWorkingDay(d)) left--;
  }
  return d;
}

describe('working-day arithmetic properties', () => {
  it('agrees with a naive day-by-day loop', () => {
    fc.assert(
      fc.property(anyDay, anyN, (d, n) => cal.addWorkingDays(d, n) === naiveAdd(d, n)),
      { numRuns: 500 },
    );
  });

  it('adding N then counting back gives N', () => {
    fc.assert(
      fc.property(anyDay, anyN, (d, n) => cal.workingDaysBetween(d, cal.addWorkingDays(d, n)) === n),
      { numRuns: 1000 },
    );
  });

  it('never lands on a non-working day for N ≥ 1', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 250 }), (d, n) => cal.isWorkingDay(cal.addWorkingDays(d, n))),
      { numRuns: 1000 },
    );
  });

  it('is strictly monotonic in N', () => {
    fc.assert(
      fc.property(anyDay, anyN, anyN, (d, a, b) => {
        fc.pre(a !== b);
        return a < b === cal.addWorkingDays(d, a) < cal.addWorkingDays(d, b);
      }),
      { numRuns: 1000 },
    );
  });

  it('pause then resume keeps the remaining working time exactly', () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: 1, max: 60 }),
        fc.nat(80),
        fc.nat(60),
        (startDay, n, pauseAfter, pausedFor) => {
          const start = new Date((startDay * 86_400 + 3600) * 1000);
          const first = deadlineFrom(cal, start, { value: n, unit: 'WORKING_DAY' });
          const pauseDay = Math.min(startDay + pauseAfter, first.dueDay);
          const remaining = remainingAmount(cal, new Date(pauseDay * 86_400_000 + 3_600_000), 'WORKING_DAY', first);
          const resumeDay = pauseDay + pausedFor;
          const second = deadlineFromDay(cal, new Date(resumeDay * 86_400_000), resumeDay, 'WORKING_DAY', remaining);
          expect(cal.workingDaysBetween(resumeDay, second.dueDay)).toBe(remaining);
          expect(remaining).toBe(cal.workingDaysBetween(pauseDay, first.dueDay));
          expect(second.dueDay).toBeGreaterThanOrEqual(first.dueDay);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the warning comes at 80% used or one working day left, whichever is earlier, and never after the due time', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 120 }), (d, n) => {
        const start = new Date(d * 86_400_000);
        const dl = deadlineFrom(cal, start, { value: n, unit: 'WORKING_DAY' });
        const left = warningLeft('WORKING_DAY', n, DEFAULT_WARNING_POLICY);
        expect(left).toBe(Math.max(n - Math.ceil(n * 0.8), 1));
        const warn = warningAt(cal, start, 'WORKING_DAY', dl, left);
        expect(warn.getTime()).toBeLessThanOrEqual(dl.dueAt.getTime());
        expect(warn.getTime()).toBeGreaterThanOrEqual(start.getTime());
        // From the end of the warning day, exactly `left` working days remain.
        if (warn > start)
          expect(cal.workingDaysBetween(shanghaiDay(new Date(warn.getTime() - 1)), dl.dueDay)).toBe(left);
      }),
      { numRuns: 500 },
    );
  });
});
