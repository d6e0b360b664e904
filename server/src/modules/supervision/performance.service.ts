import { Injectable } from '@nestjs/common';
import {
  dateOfDay,
  dayNumber,
  type DepartmentPerformanceDto,
  type PerformanceDto,
  type PerformanceFigures,
  type PerformanceQuery,
  type Principal,
  shanghaiDay,
  weekdayOf,
} from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { dayPeriod } from '../../platform/http/day-period.js';
import { clockRanOverSql } from '../calendar/calendar-sql.js';

/** Eight weeks to today when no period is given. */
const DEFAULT_DAYS = 8 * 7;
const MAX_DAYS = 366;

/**
 * Per case in the period ($1 start, $2 end exclusive, $3 now): its department, the week it was received and
 * concluded in, and whether it was concluded on time (no clock of the case ran over). The week starts on
 * Monday, Shanghai time.
 */
const shanghaiWeek = (ts: string) => `date_trunc('week', (${ts} AT TIME ZONE 'UTC') + interval '8 hours')::date`;
const FACTS_SQL = `
  SELECT sc.department_id, ${shanghaiWeek('sc.received_at')} AS received_week, ${shanghaiWeek('sc.completed_at')} AS concluded_week,
    sc.received_at >= $1 AND sc.received_at < $2 AS received,
    sc.completed_at >= $1 AND sc.completed_at < $2 AND sc.state <> 'WITHDRAWN' AS concluded,
    NOT EXISTS (SELECT 1 FROM clock k WHERE k.id IN (sc.acceptance_clock_id, sc.case_clock_id, sc.delivery_clock_id) AND ${clockRanOverSql('k', '$3')}) AS on_time
  FROM service_case sc
  WHERE (sc.received_at >= $1 AND sc.received_at < $2) OR (sc.completed_at >= $1 AND sc.completed_at < $2)`;
const CARDS_SQL = `
  SELECT department_id, ${shanghaiWeek('crossed_at')} AS week, level FROM supervision_card
  WHERE state <> 'REVOKED' AND crossed_at >= $1 AND crossed_at < $2`;
const OVERDUE_SQL = `
  SELECT sc.department_id, count(DISTINCT sc.id)::int AS n
  FROM service_case sc JOIN clock k ON k.id IN (sc.acceptance_clock_id, sc.case_clock_id, sc.delivery_clock_id)
  WHERE sc.state IN ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'DENIED') AND k.state = 'RUNNING' AND k.due_at < $1
  GROUP BY sc.department_id`;

interface Counts {
  received: number;
  concluded: number;
  onTime: number;
  yellow: number;
  red: number;
}

/**
 * Department performance for the supervision bureau: on-time completion, cards per 100 cases, open cases
 * past due, week by week. Aggregated in SQL over the case, clock and card tables (like the sweep, set-based:
 * a year of a busy center is far too many rows to bring into the process).
 */
@Injectable()
export class PerformanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
  ) {}

  async report(p: Principal, q: PerformanceQuery): Promise<PerformanceDto> {
    const now = this.clock.now();
    const to = q.to ?? dateOfDay(shanghaiDay(now));
    const { fromDay, toDay, start, end } = dayPeriod(q.from ?? dateOfDay(dayNumber(to) - DEFAULT_DAYS + 1), to, MAX_DAYS);
    const departmentId = DepartmentScope.filter(p, q.departmentId) ?? null;
    const period = [start, end, now];

    const [facts, cards, overdue, departments] = await Promise.all([
      this.dataSource.query(`SELECT department_id, received_week, concluded_week, received, concluded, on_time FROM (${FACTS_SQL}) f`, period),
      this.dataSource.query(CARDS_SQL, period.slice(0, 2)),
      this.dataSource.query(OVERDUE_SQL, [now]),
      this.dataSource.query(`SELECT id, name FROM department WHERE active ORDER BY sort_order, name`),
    ]);
    const byDept = new Map<string, Counts>();
    const byWeek = new Map<string, Counts>();
    const add = (map: Map<string, Counts>, key: string, k: keyof Counts) => {
      const c = map.get(key) ?? { received: 0, concluded: 0, onTime: 0, yellow: 0, red: 0 };
      c[k] += 1;
      map.set(key, c);
    };
    const inScope = (dept: string) => !departmentId || dept === departmentId;
    for (const f of facts as { department_id: string; received_week: string | null; concluded_week: string | null; received: boolean; concluded: boolean; on_time: boolean }[]) {
      if (f.received) add(byDept, f.department_id, 'received');
      if (f.concluded) add(byDept, f.department_id, 'concluded');
      if (f.concluded && f.on_time) add(byDept, f.department_id, 'onTime');
      if (!inScope(f.department_id)) continue;
      if (f.received) add(byWeek, f.received_week!, 'received');
      if (f.concluded) add(byWeek, f.concluded_week!, 'concluded');
      if (f.concluded && f.on_time) add(byWeek, f.concluded_week!, 'onTime');
    }
    for (const c of cards as { department_id: string | null; week: string; level: 'YELLOW' | 'RED' }[]) {
      const k = c.level === 'YELLOW' ? 'yellow' : 'red';
      if (c.department_id) add(byDept, c.department_id, k);
      if (c.department_id ? inScope(c.department_id) : !departmentId) add(byWeek, c.week, k);
    }
    const overdueOf = new Map((overdue as { department_id: string; n: number }[]).map((r) => [r.department_id, r.n]));

    // A department with nothing in the period (no receipts, conclusions, cards or overdue cases) is not ranked.
    const rows = (departments as { id: string; name: string }[])
      .filter((d) => inScope(d.id) && (byDept.has(d.id) || overdueOf.has(d.id)))
      .map((d) => ({ departmentId: d.id, departmentName: d.name, ...figures(byDept.get(d.id)), overdueOpen: overdueOf.get(d.id) ?? 0, rank: 0 }));
    rankDepartments(rows);
    const sum = rows.reduce<Counts>((s, r) => ({ received: s.received + r.received, concluded: s.concluded + r.concluded, onTime: s.onTime + r.onTime, yellow: s.yellow + r.yellow, red: s.red + r.red }), {
      received: 0,
      concluded: 0,
      onTime: 0,
      yellow: 0,
      red: 0,
    });
    const weeks = [];
    for (let monday = mondayOf(fromDay); monday <= toDay; monday += 7) {
      weeks.push({ weekStart: dateOfDay(monday), ...figures(byWeek.get(dateOfDay(monday))) });
    }
    return {
      from: dateOfDay(fromDay),
      to: dateOfDay(toDay),
      asOf: now.toISOString(),
      departmentId,
      totals: { ...figures(sum), overdueOpen: rows.reduce((n, r) => n + r.overdueOpen, 0) },
      departments: rows.sort((a, b) => a.rank - b.rank),
      weeks,
    };
  }
}

/** Rates from counts; a rate over nothing is null, not 0 or 100 %. */
function figures(c: Counts = { received: 0, concluded: 0, onTime: 0, yellow: 0, red: 0 }): PerformanceFigures {
  return {
    ...c,
    onTimeRate: c.concluded ? c.onTime / c.concluded : null,
    cardsPer100: c.received ? ((c.yellow + c.red) * 100) / c.received : null,
  };
}

/** 1 = best: highest on-time rate (departments with nothing concluded last), fewest cards per 100 cases, most concluded. */
export function rankDepartments(rows: DepartmentPerformanceDto[]): void {
  const sorted = [...rows].sort(
    (a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || (a.cardsPer100 ?? 0) - (b.cardsPer100 ?? 0) || b.concluded - a.concluded || a.departmentName.localeCompare(b.departmentName, 'zh'),
  );
  sorted.forEach((r, i) => (r.rank = i + 1));
}

const mondayOf = (day: number) => day - ((weekdayOf(day) + 6) % 7);
