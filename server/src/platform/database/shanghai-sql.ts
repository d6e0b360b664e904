/**
 * The Shanghai day in SQL (UTC+8, no daylight saving), the one way the server's set-based SQL turns instants into
 * days and back. The same arithmetic in TypeScript is `shanghaiDay`, `startOfShanghaiDay` and `endOfShanghaiDay`
 * in shared; request periods are parsed once with `dayPeriod` and sent as instants.
 */
const dateOf = (ts: string) => `((${ts} AT TIME ZONE 'UTC') + interval '8 hours')::date`;

export const ShanghaiSql = {
  /** The Shanghai date of a timestamptz expression. */
  dateOf,
  /** The Monday (Shanghai) of the week a timestamptz expression falls in. */
  weekOf: (ts: string) => `date_trunc('week', ${dateOf(ts)})::date`,
  /** 00:00 Shanghai at the start of a date expression, as timestamptz. */
  startOf: (date: string) => `((${date})::timestamp - interval '8 hours') AT TIME ZONE 'UTC'`,
  /** 24:00 Shanghai at the end of a date expression, as timestamptz. */
  endOf: (date: string) => `(((${date}) + 1)::timestamp - interval '8 hours') AT TIME ZONE 'UTC'`,
} as const;
