import { addMonths, DAY_MS, endOfShanghaiDay, shanghaiDay } from './calendar-date.js';
import { LimitUnit } from './day-kind.js';
import type { WorkingCalendar } from './working-calendar.js';

export interface TimeLimit {
  value: number;
  unit: LimitUnit;
}

/** When a clock turns to warning (黄牌预警): this share of the allowed time used, or this little left — whichever comes first. */
export interface WarningPolicy {
  usedPercent: number;
  minLeft: number;
}
export const DEFAULT_WARNING_POLICY: WarningPolicy = { usedPercent: 80, minLeft: 1 };

/** The thresholds a clock of this kind runs under: the kind's own where the policy names it, else the policy's. */
export function warningPolicyFor(
  policy: WarningPolicy & { byKind?: Partial<Record<string, WarningPolicy>> | null },
  kind: string,
): WarningPolicy {
  const own = policy.byKind?.[kind];
  return own
    ? { usedPercent: own.usedPercent, minLeft: own.minLeft }
    : { usedPercent: policy.usedPercent, minLeft: policy.minLeft };
}

export const MAX_LIMIT: Record<LimitUnit, number> = {
  WORKING_DAY: 2000,
  NATURAL_DAY: 3650,
  HOUR: 24 * 366,
  MONTH: 120,
};
const HOUR_MS = 3_600_000;

export interface Deadline {
  /** The last day of the period (Shanghai); for hours, the day the instant falls on. */
  dueDay: number;
  /** The instant the period ends: 24:00 Shanghai on dueDay for day units. */
  dueAt: Date;
  /** For working days, the period's length in working days; for natural days and months, in natural days before any holiday roll; for hours, ms. */
  amount: number;
  /** For natural days and months: the period's last day before rolling past a holiday. */
  rawDueDay: number | null;
}

/**
 * The end of a time limit counted from an instant. The start day is not counted: N working days end at
 * 24:00 Shanghai on the N-th working day after the start date, whatever kind of day the start is.
 * Natural days and months whose last day is not a working day end on the next working day (民法典 第二百零三条).
 * A limit of 0 ends at 24:00 of the start day (即办件).
 */
export function deadlineFrom(cal: WorkingCalendar, start: Date, limit: TimeLimit): Deadline {
  const startDay = shanghaiDay(start);
  return deadlineFromDay(cal, start, startDay, limit.unit, limitAmount(startDay, limit));
}

/** The amount to run from an anchor day: working days, natural days, or ms for hours. */
export function limitAmount(startDay: number, limit: TimeLimit): number {
  switch (limit.unit) {
    case LimitUnit.WORKING_DAY:
    case LimitUnit.NATURAL_DAY:
      return limit.value;
    case LimitUnit.MONTH:
      return addMonths(startDay, limit.value) - startDay;
    case LimitUnit.HOUR:
      return limit.value * HOUR_MS;
  }
}

/** The deadline `amount` (see Deadline.amount) after an anchor: a start, or a resume after a pause. */
export function deadlineFromDay(
  cal: WorkingCalendar,
  anchor: Date,
  anchorDay: number,
  unit: LimitUnit,
  amount: number,
): Deadline {
  if (unit === LimitUnit.HOUR) {
    const dueAt = new Date(anchor.getTime() + amount);
    return { dueDay: shanghaiDay(dueAt), dueAt, amount, rawDueDay: null };
  }
  if (unit === LimitUnit.WORKING_DAY) {
    const dueDay = cal.addWorkingDays(anchorDay, amount);
    return { dueDay, dueAt: endOfShanghaiDay(dueDay), amount, rawDueDay: null };
  }
  const rawDueDay = anchorDay + amount;
  const dueDay = amount === 0 ? rawDueDay : cal.workingDayOnOrAfter(rawDueDay);
  return { dueDay, dueAt: endOfShanghaiDay(dueDay), amount, rawDueDay };
}

/** What is left of a running clock at an instant, in the clock's amount units (never negative). */
export function remainingAmount(cal: WorkingCalendar, at: Date, unit: LimitUnit, due: Deadline): number {
  const day = shanghaiDay(at);
  if (unit === LimitUnit.HOUR) return Math.max(0, due.dueAt.getTime() - at.getTime());
  if (unit === LimitUnit.WORKING_DAY) return Math.max(0, cal.workingDaysBetween(day, due.dueDay));
  return Math.max(0, (due.rawDueDay ?? due.dueDay) - day);
}

/**
 * How much must be left when the warning fires: for working days, in working days; for the other
 * units, in ms. The larger of "(100 − usedPercent)% of the total" and `minLeft` (whichever comes first).
 */
export function warningLeft(unit: LimitUnit, totalAmount: number, policy: WarningPolicy): number {
  if (unit === LimitUnit.WORKING_DAY) {
    const byShare = totalAmount - Math.ceil((totalAmount * policy.usedPercent) / 100);
    return Math.min(totalAmount, Math.max(byShare, policy.minLeft));
  }
  const unitMs = unit === LimitUnit.HOUR ? HOUR_MS : DAY_MS;
  const totalMs = unit === LimitUnit.HOUR ? totalAmount : totalAmount * DAY_MS;
  const byShare = totalMs - Math.ceil((totalMs * policy.usedPercent) / 100);
  return Math.min(totalMs, Math.max(byShare, policy.minLeft * unitMs));
}

/**
 * The warning instant: the end of the working day that leaves `left` working days before the due day
 * (or `left` ms before the due instant for other units), never before the anchor.
 */
export function warningAt(cal: WorkingCalendar, anchor: Date, unit: LimitUnit, due: Deadline, left: number): Date {
  if (left === 0) return due.dueAt;
  let at: Date;
  if (unit === LimitUnit.WORKING_DAY) {
    const day = cal.workingDaysBefore(due.dueDay, left);
    at = day === null ? anchor : endOfShanghaiDay(day);
  } else {
    at = new Date(due.dueAt.getTime() - left);
  }
  return at < anchor ? anchor : at;
}
