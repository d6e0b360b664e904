import { Injectable } from '@nestjs/common';
import {
  type ClockDto,
  type ClockExplanationDto,
  type ClockSubjectKind,
  CLOCK_STOP_LABELS,
  CLOCK_SUBJECT_LABELS,
  DAY_KIND_LABELS,
  dateOfDay,
  dayNumber,
  formatDeadline,
  formatShanghai,
  LIMIT_UNIT_LABELS,
  LimitUnit,
  PAUSE_REASON_LABELS,
  PauseReason,
  type Principal,
  shanghaiDay,
  type WorkingCalendar,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import type { ClockEntity } from './calendar.entities.js';
import { CalendarService } from './calendar.service.js';
import { type ClockJson, type ClockRecord, ClockRepository } from './clock.repository.js';

const WEEKDAYS = '日一二三四五六';
const dayLabel = (day: number) => `${dateOfDay(day)}（星期${WEEKDAYS[(day + 4) % 7]}）`;

/**
 * Reading clocks: as DTOs (days used and left on the calendar in force), and explained step by step in words a
 * supervisor can check. Never writes.
 */
@Injectable()
export class ClockReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly clocks: ClockRepository,
    private readonly clock: PlatformClock,
  ) {}

  /** Clocks by id for the module that owns their subject (it has checked access to the subject). */
  async dtosOf(m: EntityManager, ids: (string | null)[]): Promise<Map<string, ClockDto>> {
    const wanted = ids.filter((i): i is string => !!i);
    if (!wanted.length) return new Map();
    const { records, calendarRevision } = await this.clocks.records(m, wanted);
    return this.dtos(m, records, calendarRevision);
  }

  /**
   * The clocks a subject's own query read with `CalendarSql.clocksJson` (and the calendar revision, `CalendarSql.REVISION`):
   * one query for the subject and any number of its clocks (a case page shows three).
   */
  dtosFromJson(m: EntityManager, clocks: ClockJson[], calendarRevision: number): Promise<Map<string, ClockDto>> {
    return this.dtos(m, this.clocks.fromJson(m, clocks), Number(calendarRevision));
  }

  async get(principal: Principal, id: string): Promise<ClockDto> {
    return this.toDto(this.dataSource.manager, await this.clocks.find(principal, id));
  }

  private async dtos(m: EntityManager, records: ClockRecord[], calendarRevision: number) {
    if (!records.length) return new Map<string, ClockDto>();
    const cal = await this.calendars.ofRevision(m, calendarRevision);
    return new Map(records.map((r) => [r.clock.id, this.buildDto(r, cal)]));
  }

  private async toDto(m: EntityManager, c: ClockEntity): Promise<ClockDto> {
    return (await this.dtosOf(m, [c.id])).get(c.id)!;
  }

  private buildDto({ clock: c, pauses, extensions }: ClockRecord, cal: WorkingCalendar): ClockDto {
    const today = shanghaiDay(this.clock.now());
    const total = c.limitValue + c.extensionDays;
    let left: number | null = null;
    if (c.limitUnit === LimitUnit.WORKING_DAY && c.state === 'RUNNING')
      left = Math.max(0, cal.covers(today) ? cal.workingDaysBetween(today, dayNumber(c.dueDate)) : 0);
    if (c.limitUnit === LimitUnit.WORKING_DAY && c.state === 'PAUSED')
      left = Number(pauses.find((p) => !p.endedAt)?.remainingAtPause ?? 0);
    return {
      id: c.id,
      subjectKind: c.subjectKind as ClockSubjectKind,
      subjectId: c.subjectId,
      departmentId: c.departmentId,
      limit: { value: c.limitValue, unit: c.limitUnit },
      joint: c.joint,
      extensionDays: c.extensionDays,
      state: c.state,
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      dueDate: c.dueDate,
      warnAt: c.warnAt.toISOString(),
      provisional: cal.isProvisional(shanghaiDay(c.startedAt), dayNumber(c.dueDate)),
      workingDaysUsed: left === null ? null : Math.max(0, total - left),
      workingDaysLeft: left,
      policyVersion: c.policyVersion,
      previousClockId: c.previousClockId,
      stoppedAt: c.stoppedAt?.toISOString() ?? null,
      stopReason: c.stopReason,
      pauses: pauses.map((p) => ({
        id: p.id,
        reason: p.reason as PauseReason,
        reasonText: p.reasonText,
        legalBasis: p.legalBasis,
        notice: p.notice,
        startedAt: p.startedAt.toISOString(),
        endedAt: p.endedAt?.toISOString() ?? null,
        remainingAtPause: Number(p.remainingAtPause),
        dueDateBefore: p.dueDateBefore,
        dueDateAfter: p.dueDateAfter,
      })),
      extensions: extensions.map((e) => ({
        id: e.id,
        days: e.days,
        reason: e.reason,
        approverId: e.approverId,
        approverName: e.approverName,
        notice: e.notice,
        dueDateBefore: e.dueDateBefore,
        dueDateAfter: e.dueDateAfter,
        createdAt: e.createdAt.toISOString(),
      })),
    };
  }

  /** The ledger and the arithmetic behind the due time, in words a supervisor can check. */
  async explain(principal: Principal, id: string): Promise<ClockExplanationDto> {
    const c = await this.clocks.find(principal, id);
    const dto = await this.toDto(this.dataSource.manager, c);
    const cal = await this.calendars.calendar();
    const unit = LIMIT_UNIT_LABELS[dto.limit.unit];
    const startDay = shanghaiDay(new Date(dto.startedAt));
    const steps: string[] = [
      `${CLOCK_SUBJECT_LABELS[dto.subjectKind]}：${dto.limit.value} ${unit}，自 ${formatShanghai(new Date(dto.startedAt))} 起算；起算当日 ${dayLabel(startDay)}不计入（期间开始之日不计算在内）。`,
    ];
    if (dto.limit.unit === LimitUnit.WORKING_DAY)
      steps.push('按工作日计算：节假日、休息日不计入，调休上班日计入（行政许可法第八十二条）。');
    else if (dto.limit.unit !== LimitUnit.HOUR)
      steps.push('按自然日计算；期间最后一日为节假日或休息日的，顺延至其后第一个工作日（民法典第二百零三条）。');
    if (dto.previousClockId) steps.push(`本计时因退回重新起算，原计时 ${dto.previousClockId} 已停止并保留在记录中。`);
    const events = [
      ...dto.pauses.map((p) => ({ at: p.startedAt, text: pauseText(p, unit) })),
      ...dto.extensions.map((e) => ({
        at: e.createdAt,
        text: `${formatShanghai(new Date(e.createdAt))} 经 ${e.approverName} 批准延长 ${e.days} 个工作日（理由：${e.reason}），截止日由 ${e.dueDateBefore} 变为 ${e.dueDateAfter}。`,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    steps.push(...events.map((e) => e.text));

    const skippedDays: ClockExplanationDto['skippedDays'] = [];
    const anchorDay = dayNumber(c.anchorDay);
    if (dto.state === 'PAUSED') {
      steps.push(
        `当前暂停计时，剩余 ${dto.pauses.at(-1)?.remainingAtPause ?? 0} ${dto.limit.unit === LimitUnit.HOUR ? '毫秒' : unit}，恢复后自恢复日的次日起继续计算。`,
      );
    } else {
      const dueDay = dayNumber(dto.dueDate);
      for (let d = anchorDay + 1; d <= dueDay && cal.covers(d); d++) {
        if (!cal.isWorkingDay(d))
          skippedDays.push({
            date: dateOfDay(d),
            kind: DAY_KIND_LABELS[cal.kindOfDay(d)],
            holidayName: cal.nameOfDay(d),
          });
      }
      const amount = Number(c.anchorAmount);
      if (dto.limit.unit === LimitUnit.WORKING_DAY) {
        const holidays = skippedDays.filter((s) => s.holidayName).length;
        steps.push(
          `当前计时段自 ${dayLabel(anchorDay)}起算 ${amount} 个工作日，跨过 ${skippedDays.length} 个非工作日（其中节假日 ${holidays} 天、休息日 ${skippedDays.length - holidays} 天），截止于 ${dayLabel(dueDay)}24:00。`,
        );
        steps.push(
          `预警：剩余 ${Number(c.warnLeft)} 个工作日时预警（时限策略第 ${dto.policyVersion} 版：已用达到比例或仅剩最少天数，以先到者为准），即 ${formatDeadline(new Date(dto.warnAt))}。`,
        );
      } else {
        steps.push(
          `截止于 ${formatDeadline(new Date(dto.dueAt))}；预警于 ${formatDeadline(new Date(dto.warnAt))}（时限策略第 ${dto.policyVersion} 版）。`,
        );
      }
    }
    if (dto.state === 'STOPPED')
      steps.push(
        `计时已于 ${formatShanghai(new Date(dto.stoppedAt!))} 停止（${CLOCK_STOP_LABELS[dto.stopReason!] ?? dto.stopReason}）。`,
      );
    if (dto.provisional)
      steps.push('注意：期间涉及尚未公布节假日安排的年度，按周末规则暂定，截止时间可能随国务院通知调整。');
    return { clockId: id, steps, skippedDays, provisional: dto.provisional };
  }
}

function pauseText(p: ClockDto['pauses'][number], unit: string): string {
  const why = p.reason === PauseReason.OTHER ? (p.reasonText ?? '其他') : PAUSE_REASON_LABELS[p.reason];
  const head = `${formatShanghai(new Date(p.startedAt))} 因${why}暂停计时（依据：${p.legalBasis}），此时剩余 ${p.remainingAtPause} ${unit}，原截止日 ${p.dueDateBefore}。`;
  return p.endedAt ? `${head}${formatShanghai(new Date(p.endedAt))} 恢复计时，截止日顺延至 ${p.dueDateAfter}。` : head;
}
