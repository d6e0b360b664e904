import { dateOfDay, dayNumber, isWeekend } from './calendar-date.js';
import { DayKind, isWorkingKind } from './day-kind.js';
import { OFFICIAL_CALENDAR } from './official-calendar.js';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  holidayName: string | null;
}

/** A date outside the calendar table: deadlines there cannot be computed. */
export class CalendarRangeError extends RangeError {
  constructor(readonly date: string) {
    super(`date ${date} is outside the working-day calendar`);
  }
}

const KIND_CODES: DayKind[] = [DayKind.WORKDAY, DayKind.REST_DAY, DayKind.HOLIDAY, DayKind.MAKEUP_WORKDAY];

/**
 * The working-day calendar over a continuous range of dates, with each date's
 * running count of working days precomputed, so adding or counting working days
 * is two array lookups, never a loop over days.
 *
 * Convention (行政许可法 第八十二条, 民法典 第二百零一条): the start day is not counted.
 * `addWorkingDays(d, n)` is the n-th working day after d, whatever kind of day d is.
 */
export class WorkingCalendar {
  /** Working days up to and including each date (index = day − firstDay). */
  private readonly workSeq: Int32Array;
  /** Day offset of the k-th working day in the range (k from 1). */
  private readonly nthWorking: Int32Array;
  private readonly kinds: Uint8Array;

  private constructor(
    readonly firstDay: number,
    kinds: Uint8Array,
    private readonly names: Map<number, string>,
    /** Years filled by the weekday rule for want of a published notice. */
    readonly provisionalYears: ReadonlySet<number>,
  ) {
    this.kinds = kinds;
    this.workSeq = new Int32Array(kinds.length);
    let count = 0;
    for (let i = 0; i < kinds.length; i++) {
      if (isWorkingKind(KIND_CODES[kinds[i]])) count++;
      this.workSeq[i] = count;
    }
    this.nthWorking = new Int32Array(count + 1);
    for (let i = 0; i < kinds.length; i++) {
      if (i === 0 ? this.workSeq[0] === 1 : this.workSeq[i] > this.workSeq[i - 1]) this.nthWorking[this.workSeq[i]] = i;
    }
  }

  /** From rows covering a continuous range of dates (any order). */
  static fromDays(days: CalendarDay[], provisionalYears: Iterable<number> = []): WorkingCalendar {
    if (!days.length) throw new RangeError('empty calendar');
    const nums = days.map((d) => dayNumber(d.date));
    const first = Math.min(...nums);
    const kinds = new Uint8Array(Math.max(...nums) - first + 1).fill(255);
    const names = new Map<number, string>();
    days.forEach((d, i) => {
      kinds[nums[i] - first] = KIND_CODES.indexOf(d.kind);
      if (d.holidayName) names.set(nums[i], d.holidayName);
    });
    const gap = kinds.indexOf(255);
    if (gap >= 0) throw new RangeError(`calendar has no row for ${dateOfDay(first + gap)}`);
    return new WorkingCalendar(first, kinds, names, new Set(provisionalYears));
  }

  /** The published State Council calendar for its years, the weekday rule (provisional) for the others. */
  static official(fromYear: number, toYear: number): WorkingCalendar {
    return WorkingCalendar.fromDays(officialDays(fromYear, toYear), provisionalYearsBetween(fromYear, toYear));
  }

  get lastDay(): number {
    return this.firstDay + this.kinds.length - 1;
  }

  covers(day: number): boolean {
    return day >= this.firstDay && day <= this.lastDay;
  }

  kindOfDay(day: number): DayKind {
    return KIND_CODES[this.kinds[this.index(day)]];
  }

  nameOfDay(day: number): string | null {
    return this.names.get(day) ?? null;
  }

  isWorkingDay(day: number): boolean {
    return isWorkingKind(this.kindOfDay(day));
  }

  /** Working days in (from, to]: after `from`, up to and including `to`. Negative when to < from. */
  workingDaysBetween(fromDay: number, toDay: number): number {
    return this.workSeq[this.index(toDay)] - this.workSeq[this.index(fromDay)];
  }

  /** The n-th working day after `day` (n ≥ 1), or `day` itself for n = 0. */
  addWorkingDays(day: number, n: number): number {
    if (n === 0) return day;
    const k = this.workSeq[this.index(day)] + n;
    if (n < 0 || k >= this.nthWorking.length) throw new CalendarRangeError(dateOfDay(day + n));
    return this.firstDay + this.nthWorking[k];
  }

  /**
   * The working day `n` working days before working day `day` (n ≥ 0), or null when that
   * lies before the calendar: the inverse of addWorkingDays on working days.
   */
  workingDaysBefore(day: number, n: number): number | null {
    const k = this.workSeq[this.index(day)] - n;
    return k >= 1 ? this.firstDay + this.nthWorking[k] : null;
  }

  /** `day` when it is a working day, else the next one (a period ending on a holiday ends the day after, 民法典 第二百零三条). */
  workingDayOnOrAfter(day: number): number {
    return this.isWorkingDay(day) ? day : this.addWorkingDays(day, 1);
  }

  isProvisional(fromDay: number, toDay: number): boolean {
    if (!this.provisionalYears.size) return false;
    const y1 = Number(dateOfDay(fromDay).slice(0, 4));
    const y2 = Number(dateOfDay(toDay).slice(0, 4));
    for (let y = y1; y <= y2; y++) if (this.provisionalYears.has(y)) return true;
    return false;
  }

  private index(day: number): number {
    const i = day - this.firstDay;
    if (i < 0 || i >= this.kinds.length) throw new CalendarRangeError(dateOfDay(day));
    return i;
  }
}

/** Every date of the years, kinds from the published notices, else by weekday. */
export function officialDays(fromYear: number, toYear: number): CalendarDay[] {
  const specials = new Map<string, [DayKind, string]>();
  for (const y of OFFICIAL_CALENDAR) for (const [date, kind, name] of y.specials) specials.set(date, [kind, name]);
  const out: CalendarDay[] = [];
  for (let day = dayNumber(`${fromYear}-01-01`); day <= dayNumber(`${toYear}-12-31`); day++) {
    const date = dateOfDay(day);
    const s = specials.get(date);
    out.push(s ? { date, kind: s[0], holidayName: s[1] } : weekdayRule(day));
  }
  return out;
}

export function weekdayRule(day: number): CalendarDay {
  return { date: dateOfDay(day), kind: isWeekend(day) ? DayKind.REST_DAY : DayKind.WORKDAY, holidayName: null };
}

export function provisionalYearsBetween(fromYear: number, toYear: number): number[] {
  const published = new Set(OFFICIAL_CALENDAR.map((y) => y.year));
  const out: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!published.has(y)) out.push(y);
  return out;
}
