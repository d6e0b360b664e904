/**
 * Calendar dates as day numbers (days since 1970-01-01) and instants in Asia/Shanghai,
 * which has kept UTC+8 without daylight saving since 1991.
 */
export const DAY_MS = 86_400_000;

/** The years the working-day calendar holds (`calendar_day`): business time and deadlines stay inside them. */
export const CALENDAR_FIRST_YEAR = 2024;
export const CALENDAR_LAST_YEAR = 2035;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The Shanghai calendar day an instant falls on. */
export function shanghaiDay(instant: Date): number {
  return Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** 24:00 Shanghai at the end of a day (= 00:00 of the next). */
export function endOfShanghaiDay(day: number): Date {
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS);
}

export function startOfShanghaiDay(day: number): Date {
  return new Date(day * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** 0 Sunday … 6 Saturday */
export function weekdayOf(day: number): number {
  return (day + 4) % 7; // 1970-01-01 was a Thursday
}

/** The Monday of the week a day falls in (weeks run Monday to Sunday). */
export const mondayOf = (day: number) => day - ((weekdayOf(day) + 6) % 7);

export const isWeekend = (day: number) => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/** Same day of the month `months` later, or that month's last day when it has no such day (民法典 第二百零二条). */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget)) / DAY_MS;
}

export function formatShanghai(instant: Date): string {
  const d = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
}

/** A deadline as people read it: a Shanghai midnight is written as 24:00 of the day before. */
export function formatDeadline(instant: Date): string {
  const s = formatShanghai(instant);
  if (!s.endsWith(' 00:00')) return s;
  return `${dateOfDay(shanghaiDay(instant) - 1)} 24:00`;
}
