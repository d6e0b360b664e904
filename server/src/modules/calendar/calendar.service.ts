import { Injectable } from '@nestjs/common';
import {
  type CalendarChangeDto,
  CalendarRangeError,
  type CalendarYearDto,
  dateOfDay,
  dayNumber,
  type DeadlineDto,
  deadlineFrom,
  DayKind,
  type EditCalendarDayRequest,
  type ImportCalendarYearRequest,
  isIsoDate,
  isWeekend,
  shanghaiDay,
  type TimeLimit,
  WorkingCalendar,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { CalendarErrors } from './calendar.exception.js';
import { RECOMPUTE_CLOCKS_SQL, REFRESH_WORK_SEQ_SQL } from './calendar-sql.js';
import { CalendarDayEntity, CalendarYearEntity } from './calendar.entities.js';
import { validateLimit } from './clock-rules.js';

@Injectable()
export class CalendarService {
  private cached: { revision: number; calendar: WorkingCalendar } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  /** The calendar as of now, reloaded only when another change (here or in another process) bumped the revision. */
  async calendar(m: EntityManager = this.dataSource.manager): Promise<WorkingCalendar> {
    const [{ revision }] = await m.query('SELECT revision FROM calendar_revision WHERE id = 1');
    return this.ofRevision(m, Number(revision));
  }

  /** The calendar at a revision the caller has just read (with other things, in one query). */
  async ofRevision(m: EntityManager, revision: number): Promise<WorkingCalendar> {
    if (this.cached?.revision === revision) return this.cached.calendar;
    const days = await m.query('SELECT date, kind, holiday_name AS "holidayName" FROM calendar_day ORDER BY date');
    const provisional: { year: number }[] = await m.query('SELECT year FROM calendar_year WHERE NOT confirmed');
    const calendar = WorkingCalendar.fromDays(
      days,
      provisional.map((p) => p.year),
    );
    this.cached = { revision, calendar };
    return calendar;
  }

  async year(year: number): Promise<CalendarYearDto> {
    const y = await this.dataSource.getRepository(CalendarYearEntity).findOneBy({ year });
    if (!y) throw CalendarErrors.yearNotFound(year);
    const days = await this.dataSource
      .getRepository(CalendarDayEntity)
      .createQueryBuilder('d')
      .where(`d.date BETWEEN :from AND :to`, { from: `${year}-01-01`, to: `${year}-12-31` })
      .orderBy('d.date')
      .getMany();
    return {
      year,
      confirmed: y.confirmed,
      notice: y.notice,
      days: days.map((d) => ({ date: d.date, kind: d.kind, holidayName: d.holidayName })),
    };
  }

  async deadline(start: Date | undefined, limit: TimeLimit): Promise<DeadlineDto> {
    validateLimit(limit);
    const cal = await this.calendar();
    const from = start ?? this.clock.now();
    const dl = this.guard(() => deadlineFrom(cal, from, limit));
    const startDay = shanghaiDay(from);
    const skippedDays = [];
    for (let d = startDay + 1; d <= dl.dueDay && cal.covers(d); d++) {
      if (!cal.isWorkingDay(d))
        skippedDays.push({ date: dateOfDay(d), kind: cal.kindOfDay(d), holidayName: cal.nameOfDay(d) });
    }
    return {
      start: from.toISOString(),
      dueAt: dl.dueAt.toISOString(),
      dueDate: dateOfDay(dl.dueDay),
      provisional: cal.isProvisional(startDay, dl.dueDay),
      skippedDays,
    };
  }

  /** Runs calendar arithmetic, turning "beyond the table" into a clear 400. */
  guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof CalendarRangeError) throw CalendarErrors.outOfRange(e.date);
      throw e;
    }
  }

  async editDay(actor: RequestActor, date: string, dto: EditCalendarDayRequest): Promise<CalendarChangeDto> {
    if (!isIsoDate(date)) throw CalendarErrors.outOfRange(date);
    const name =
      dto.kind === DayKind.HOLIDAY || dto.kind === DayKind.MAKEUP_WORKDAY ? dto.holidayName?.trim() || null : null;
    checkKind(date, dto.kind, name);
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(CalendarDayEntity, { where: { date }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw CalendarErrors.outOfRange(date);
      if (row.kind === dto.kind && row.holidayName === name) return { changedDays: 0, clocksMoved: 0 };
      const before = { kind: row.kind, holidayName: row.holidayName };
      await m.update(CalendarDayEntity, { date }, { kind: dto.kind, holidayName: name });
      const clocksMoved = await this.afterChange(m);
      await this.audit.record(m, actor, {
        action: 'calendar.day_changed',
        targetType: 'calendar_day',
        targetId: date,
        summary: { before, after: { kind: dto.kind, holidayName: name }, clocksMoved },
      });
      return { changedDays: 1, clocksMoved };
    });
  }

  /** Replaces a year with a published notice: the weekday rule plus the notice's holidays and make-up days. */
  async importYear(actor: RequestActor, year: number, dto: ImportCalendarYearRequest): Promise<CalendarChangeDto> {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const [i, s] of dto.specials.entries()) {
      if (!isIsoDate(s.date) || !s.date.startsWith(`${year}-`))
        problems.push(`第 ${i + 1} 项日期 ${s.date} 不属于 ${year} 年`);
      else if (seen.has(s.date)) problems.push(`${s.date} 重复`);
      else {
        seen.add(s.date);
        const why = kindProblem(s.date, s.kind, s.name?.trim() || null);
        if (why) problems.push(`${s.date}：${why}`);
      }
    }
    if (problems.length) throw CalendarErrors.importInvalid(problems);

    return this.dataSource.transaction(async (m) => {
      const y = await m.findOne(CalendarYearEntity, { where: { year }, lock: { mode: 'pessimistic_write' } });
      if (!y) throw CalendarErrors.yearNotFound(year);
      const [{ n: changed }] = await m.query(
        `WITH wanted AS (
           SELECT d.date,
             coalesce(s.kind, CASE WHEN extract(isodow FROM d.date) >= 6 THEN 'REST_DAY' ELSE 'WORKDAY' END) AS kind,
             s.name AS holiday_name
           FROM calendar_day d
           LEFT JOIN jsonb_to_recordset($2::jsonb) AS s(date date, kind text, name text) ON s.date = d.date
           WHERE d.date BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)
         ), changed AS (
           UPDATE calendar_day c SET kind = w.kind, holiday_name = w.holiday_name
           FROM wanted w WHERE c.date = w.date AND (c.kind, c.holiday_name) IS DISTINCT FROM (w.kind, w.holiday_name)
           RETURNING 1
         ) SELECT count(*)::int AS n FROM changed`,
        [year, JSON.stringify(dto.specials.map((s) => ({ date: s.date, kind: s.kind, name: s.name.trim() })))],
      );
      await m.update(
        CalendarYearEntity,
        { year },
        { confirmed: true, notice: dto.notice.trim(), updatedAt: this.clock.now() },
      );
      const clocksMoved = changed ? await this.afterChange(m) : await this.bumpRevision(m).then(() => 0);
      await this.audit.record(m, actor, {
        action: 'calendar.year_imported',
        targetType: 'calendar_year',
        targetId: String(year),
        summary: { notice: dto.notice.trim(), specials: dto.specials.length, changedDays: changed, clocksMoved },
      });
      return { changedDays: changed, clocksMoved };
    });
  }

  /** After any change of kinds: running counts, the revision, then every running clock. Returns clocks moved. */
  private async afterChange(m: EntityManager): Promise<number> {
    await m.query(REFRESH_WORK_SEQ_SQL);
    await this.bumpRevision(m);
    return this.recomputeClocks(m);
  }

  private async bumpRevision(m: EntityManager) {
    await m.query('UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1');
  }

  async recomputeClocks(m: EntityManager): Promise<number> {
    const [, affected] = await m.query(RECOMPUTE_CLOCKS_SQL);
    return Number(affected ?? 0);
  }
}

function kindProblem(date: string, kind: DayKind, name: string | null): string | null {
  const weekend = isWeekend(dayNumber(date));
  if (kind === DayKind.WORKDAY && weekend) return '周末只能是休息日、节假日或调休上班';
  if (kind === DayKind.REST_DAY && !weekend) return '工作日不能设为休息日；放假请设为法定节假日';
  if (kind === DayKind.MAKEUP_WORKDAY && !weekend) return '调休上班只能设在周末';
  if ((kind === DayKind.HOLIDAY || kind === DayKind.MAKEUP_WORKDAY) && !name) return '节假日和调休上班须写明节日名称';
  return null;
}

function checkKind(date: string, kind: DayKind, name: string | null) {
  const why = kindProblem(date, kind, name);
  if (why) throw CalendarErrors.kindMismatch(date, why);
}
