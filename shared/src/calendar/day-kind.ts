/** What a calendar date is (DOMAIN.md §8): the calendar is data, never weekday arithmetic alone. */
export const DayKind = {
  WORKDAY: 'WORKDAY',
  /** An ordinary Saturday or Sunday. */
  REST_DAY: 'REST_DAY',
  /** A public holiday, on a weekday or a weekend. */
  HOLIDAY: 'HOLIDAY',
  /** A weekend day worked in exchange for holiday days (调休补班). */
  MAKEUP_WORKDAY: 'MAKEUP_WORKDAY',
} as const;
export type DayKind = (typeof DayKind)[keyof typeof DayKind];

export const DAY_KIND_LABELS: Record<DayKind, string> = {
  WORKDAY: '工作日',
  REST_DAY: '休息日',
  HOLIDAY: '法定节假日',
  MAKEUP_WORKDAY: '调休上班',
};

export const isWorkingKind = (k: DayKind) => k === DayKind.WORKDAY || k === DayKind.MAKEUP_WORKDAY;

/** Units of a time limit. */
export const LimitUnit = {
  WORKING_DAY: 'WORKING_DAY',
  NATURAL_DAY: 'NATURAL_DAY',
  HOUR: 'HOUR',
  MONTH: 'MONTH',
} as const;
export type LimitUnit = (typeof LimitUnit)[keyof typeof LimitUnit];
export const LIMIT_UNIT_LABELS: Record<LimitUnit, string> = {
  WORKING_DAY: '个工作日',
  NATURAL_DAY: '个自然日',
  HOUR: '小时',
  MONTH: '个月',
};
