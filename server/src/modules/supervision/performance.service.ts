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
  mondayOf,
} from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { dayPeriod } from '../../platform/http/day-period.js';
import { ShanghaiSql } from '../../platform/database/shanghai-sql.js';
import { AcceptanceSql } from '../acceptance/acceptance.module.js';
import { CalendarSql } from '../calendar/calendar.module.js';
import { ApprovalSql } from '../approval/approval.module.js';
import { DepartmentService } from '../organization/organization.module.js';

/** Eight weeks to today when no period is given. */
const DEFAULT_DAYS = 8 * 7;
const MAX_DAYS = 366;

/**
 * Counts by department and week ($1 start, $2 end exclusive, $3 now): cases received, concluded (not withdrawn),
 * concluded on time (no clock of the case ran over), cards not revoked by the week they crossed, and sub-tasks
 * ended as co-department, by a person or deemed by the timeout.
 */
const COUNTS_SQL = `
WITH c AS (
  SELECT sc.*, sc.completed_at >= $1 AND sc.completed_at < $2 AND sc.state <> 'WITHDRAWN' AS concluded
  FROM ${AcceptanceSql.case('sc')}
  WHERE (sc.received_at >= $1 AND sc.received_at < $2) OR (sc.completed_at >= $1 AND sc.completed_at < $2)
)
SELECT department_id, ${ShanghaiSql.weekOf('received_at')} AS week, 'received' AS k, count(*)::int AS n FROM c WHERE received_at >= $1 AND received_at < $2 GROUP BY 1, 2
UNION ALL
SELECT department_id, ${ShanghaiSql.weekOf('completed_at')}, 'concluded', count(*)::int FROM c WHERE concluded GROUP BY 1, 2
UNION ALL
SELECT department_id, ${ShanghaiSql.weekOf('completed_at')}, 'onTime', count(*)::int FROM c
WHERE concluded AND NOT ${CalendarSql.anyRanOver('c.acceptance_clock_id, c.case_clock_id, c.delivery_clock_id', '$3')}
GROUP BY 1, 2
UNION ALL
SELECT department_id, ${ShanghaiSql.weekOf('crossed_at')}, lower(level), count(*)::int FROM supervision_card
WHERE state <> 'REVOKED' AND crossed_at >= $1 AND crossed_at < $2 GROUP BY 1, 2, 3
UNION ALL
SELECT t.department_id, ${ShanghaiSql.weekOf('t.ended_at')},
       CASE WHEN t.state = 'DEEMED_APPROVED' THEN 'subtasksDeemed' ELSE 'subtasksAnswered' END, count(*)::int
FROM ${ApprovalSql.subtask('t')}
WHERE t.state IN ('APPROVED', 'REJECTED', 'RETURNED', 'DEEMED_APPROVED') AND t.ended_at >= $1 AND t.ended_at < $2
GROUP BY 1, 2, 3`;
/** Open cases with a running clock past due, by department ($1 now). */
const OVERDUE_SQL = `
  SELECT sc.department_id, count(DISTINCT sc.id)::int AS n
  FROM ${AcceptanceSql.case('sc')} JOIN ${CalendarSql.clock('k')} ON k.id IN (sc.acceptance_clock_id, sc.case_clock_id, sc.delivery_clock_id)
  WHERE sc.state IN ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'DENIED') AND k.state = 'RUNNING' AND k.due_at < $1
  GROUP BY sc.department_id`;

interface Counts {
  received: number;
  concluded: number;
  onTime: number;
  yellow: number;
  red: number;
  subtasksAnswered: number;
  subtasksDeemed: number;
}
const zero = (): Counts => ({
  received: 0,
  concluded: 0,
  onTime: 0,
  yellow: 0,
  red: 0,
  subtasksAnswered: 0,
  subtasksDeemed: 0,
});
const plus = (a: Counts, b: Counts): Counts => ({
  received: a.received + b.received,
  concluded: a.concluded + b.concluded,
  onTime: a.onTime + b.onTime,
  yellow: a.yellow + b.yellow,
  red: a.red + b.red,
  subtasksAnswered: a.subtasksAnswered + b.subtasksAnswered,
  subtasksDeemed: a.subtasksDeemed + b.subtasksDeemed,
});

/**
 * Department performance for the supervision bureau: on-time completion, cards per 100 cases, open cases
 * past due, week by week. Counted in SQL over the case, clock and card tables (like the sweep, set-based: a
 * year of a busy center is far too many rows to bring into the process); only department × week counts come back.
 */
@Injectable()
export class PerformanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
    private readonly departments: DepartmentService,
  ) {}

  async report(p: Principal, q: PerformanceQuery): Promise<PerformanceDto> {
    const now = this.clock.now();
    const to = q.to ?? dateOfDay(shanghaiDay(now));
    const { fromDay, toDay, start, end } = dayPeriod(
      q.from ?? dateOfDay(dayNumber(to) - DEFAULT_DAYS + 1),
      to,
      MAX_DAYS,
    );
    const departmentId = DepartmentScope.filter(p, q.departmentId) ?? null;

    const [counts, overdue, departments] = await Promise.all([
      this.dataSource.query(COUNTS_SQL, [start, end, now]),
      this.dataSource.query(OVERDUE_SQL, [now]),
      this.departments.list(),
    ]);
    const byDept = new Map<string, Counts>();
    const byWeek = new Map<string, Counts>();
    const add = (map: Map<string, Counts>, key: string, k: keyof Counts, n: number) => {
      const c = map.get(key) ?? zero();
      c[k] += n;
      map.set(key, c);
    };
    const inScope = (dept: string | null) => (dept ? !departmentId || dept === departmentId : !departmentId);
    for (const r of counts as { department_id: string | null; week: string; k: keyof Counts; n: number }[]) {
      if (r.department_id) add(byDept, r.department_id, r.k, r.n);
      if (inScope(r.department_id)) add(byWeek, r.week, r.k, r.n);
    }
    const overdueOf = new Map((overdue as { department_id: string; n: number }[]).map((r) => [r.department_id, r.n]));

    // A department with nothing in the period (no receipts, conclusions, cards or overdue cases) is not ranked.
    const rows = departments
      .filter((d) => d.active && inScope(d.id) && (byDept.has(d.id) || overdueOf.has(d.id)))
      .map((d) => ({
        departmentId: d.id,
        departmentName: d.name,
        ...figures(byDept.get(d.id)),
        overdueOpen: overdueOf.get(d.id) ?? 0,
        rank: 0,
      }));
    const ranked = rankDepartments(rows);
    const sum = rows.reduce(plus, zero());
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
      departments: ranked,
      weeks,
    };
  }
}

/** Rates from counts; a rate over nothing is null, not 0 or 100 %. */
function figures(c: Counts = zero()): PerformanceFigures {
  return {
    ...c,
    onTimeRate: c.concluded ? c.onTime / c.concluded : null,
    cardsPer100: c.received ? ((c.yellow + c.red) * 100) / c.received : null,
  };
}

/** Best first, numbered from 1: highest on-time rate (nothing concluded last), fewest cards per 100 cases, most concluded. */
function rankDepartments(rows: DepartmentPerformanceDto[]): DepartmentPerformanceDto[] {
  return rows
    .sort(
      (a, b) =>
        (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
        (a.cardsPer100 ?? 0) - (b.cardsPer100 ?? 0) ||
        b.concluded - a.concluded ||
        a.departmentName.localeCompare(b.departmentName, 'zh'),
    )
    .map((r, i) => ({ ...r, rank: i + 1 }));
}
