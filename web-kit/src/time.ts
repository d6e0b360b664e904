import { formatDeadline, formatShanghai } from '@onewindow/shared';

/** An instant as the center reads it: Beijing time, to the minute; '—' when there is none. */
export function shanghaiTime(at: string | Date | null | undefined): string {
  return at ? formatShanghai(new Date(at)) : '—';
}

/** A deadline: a Beijing midnight is 24:00 of the day before. */
export function shanghaiDeadline(at: string | Date | null | undefined): string {
  return at ? formatDeadline(new Date(at)) : '—';
}
