import type { DayKind, LimitUnit } from '../calendar/day-kind.js';

export interface CalendarDayDto {
  date: string;
  kind: DayKind;
  holidayName: string | null;
}

export interface CalendarYearDto {
  year: number;
  /** false: no State Council notice recorded; the weekday rule fills it and deadlines across it are provisional. */
  confirmed: boolean;
  notice: string | null;
  days: CalendarDayDto[];
}

export interface EditCalendarDayRequest {
  kind: DayKind;
  holidayName?: string | null;
}

export interface ImportCalendarYearRequest {
  notice: string;
  /** The year's holidays and make-up working days; every other date follows the weekday rule. */
  specials: { date: string; kind: 'HOLIDAY' | 'MAKEUP_WORKDAY'; name: string }[];
}

export interface CalendarChangeDto {
  /** Dates whose kind or name changed. */
  changedDays: number;
  /** Running clocks whose due or warning time moved. */
  clocksMoved: number;
}

export interface DeadlineQuery {
  /** ISO instant; default now. */
  start?: string;
  value: number;
  unit: LimitUnit;
}

export interface DeadlineDto {
  start: string;
  dueAt: string;
  dueDate: string;
  provisional: boolean;
  /** Non-working days inside the period, which it does not count. */
  skippedDays: CalendarDayDto[];
}
