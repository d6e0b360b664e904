import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type ClockDto,
  type ClockExplanationDto,
  type ClockSubjectKind,
  CLOCK_SUBJECT_LABELS,
  DAY_KIND_LABELS,
  dateOfDay,
  dayNumber,
  type Deadline,
  deadlineFromDay,
  type ExtendClockRequest,
  formatDeadline,
  formatShanghai,
  isCenterWide,
  LIMIT_UNIT_LABELS,
  limitAmount,
  LimitUnit,
  PAUSE_REASON_LABELS,
  type PauseClockRequest,
  PauseReason,
  type Principal,
  remainingAmount,
  shanghaiDay,
  type StartClockRequest,
  warningAt,
  warningLeft,
  warningPolicyFor,
  CLOCK_STOP_LABELS,
  type WorkingCalendar,
} from '@onewindow/shared';
import { DataSource, type EntityManager, IsNull, type QueryRunner } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DeferredWrites } from '../../platform/database/deferred-writes.js';
import { EntityRows } from '../../platform/database/entity-rows.js';
import { inTransaction } from '../../platform/database/transaction.js';
import { CalendarSql } from './calendar.sql.js';
import { CalendarErrors } from './calendar.exception.js';
import { ClockEntity, ClockExtensionEntity, ClockPauseEntity, type DeadlinePolicyEntity } from './calendar.entities.js';
import { CalendarService } from './calendar.service.js';
import { assertClockAction, assertExtensionAllowed, validateLimit } from './clock-rules.js';
import { DeadlinePolicyService } from './deadline-policy.service.js';

const WEEKDAYS = '日一二三四五六';
const dayLabel = (day: number) => `${dateOfDay(day)}（星期${WEEKDAYS[(day + 4) % 7]}）`;

/**
 * Deadline clocks: start, pause and resume with the remaining time, extend within the statute,
 * restart when sent back. Every method that changes a clock takes the caller's transaction, so a
 * case and its clock change together.
 */
@Injectable()
export class ClockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly policies: DeadlinePolicyService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  /** `startAt` backdates the start (a deemed acceptance counts from the day of receipt); default now. */
  start(
    actor: RequestActor,
    input: StartClockRequest,
    m?: EntityManager,
    previousClockId: string | null = null,
    startAt?: Date,
  ): Promise<ClockEntity> {
    return inTransaction(this.dataSource, m, async (m) => {
      const c = await this.startIn(m, input, previousClockId, startAt);
      await this.audit.record(m, actor, {
        action: 'clock.started',
        targetType: 'clock',
        targetId: c.id,
        summary: {
          subjectKind: c.subjectKind,
          subjectId: c.subjectId,
          limit: `${c.limitValue} ${c.limitUnit}`,
          dueAt: c.dueAt.toISOString(),
          previousClockId,
        },
      });
      return c;
    });
  }

  private async startIn(
    m: EntityManager,
    input: StartClockRequest,
    previousClockId: string | null,
    startAt?: Date,
  ): Promise<ClockEntity> {
    validateLimit(input.limit);
    const { cal, policy } = await this.context(m);
    const now = startAt ?? this.clock.now();
    const startDay = shanghaiDay(now);
    const amount = limitAmount(startDay, input.limit);
    const due = this.calendars.guard(() => deadlineFromDay(cal, now, startDay, input.limit.unit, amount));
    const warnLeft = warningLeft(input.limit.unit, amount, warningPolicyFor(policy, input.subjectKind));
    // Written at the commit (a new clock is not read back in the transaction that starts it).
    const c = m.create(ClockEntity, {
      id: randomUUID(),
      subjectKind: input.subjectKind,
      subjectId: input.subjectId,
      departmentId: input.departmentId ?? null,
      limitValue: input.limit.value,
      limitUnit: input.limit.unit,
      joint: input.joint ?? false,
      extensionDays: 0,
      state: 'RUNNING',
      startedAt: now,
      anchorAt: now,
      anchorDay: dateOfDay(startDay),
      anchorAmount: amount,
      rawDueDate: due.rawDueDay === null ? null : dateOfDay(due.rawDueDay),
      dueDate: dateOfDay(due.dueDay),
      dueAt: due.dueAt,
      warnLeft,
      warnAt: warningAt(cal, now, input.limit.unit, due, warnLeft),
      policyVersion: policy.version,
      stoppedAt: null,
      stopReason: null,
      previousClockId,
      createdAt: this.clock.now(),
      updatedAt: this.clock.now(),
      version: 1,
      alertLevel: 0,
    });
    DeferredWrites.insert(m, ClockEntity, [c]);
    return c;
  }

  /**
   * The calendar and the policy in force, behind one small query (both are cached by version; a policy's
   * thresholds never change), or none when the transaction read them with its first query (`prime`).
   */
  private async context(m: EntityManager): Promise<{ cal: WorkingCalendar; policy: DeadlinePolicyEntity }> {
    const primed = m.queryRunner ? contextRead.get(m.queryRunner) : undefined;
    const r = primed ?? (await m.query(`SELECT ${CalendarSql.CONTEXT} AS context`))[0].context;
    return {
      cal: await this.calendars.ofRevision(m, Number(r.revision)),
      policy: await this.policies.version(m, Number(r.policy)),
    };
  }

  /** The versions `CalendarSql.CONTEXT` read in `m`'s transaction, for the clocks it starts. */
  prime(m: EntityManager, context: ClockContext): void {
    if (m.queryRunner?.isTransactionActive) contextRead.set(m.queryRunner, context);
  }

  pause(actor: RequestActor, id: string, dto: PauseClockRequest, m?: EntityManager): Promise<ClockEntity> {
    if (dto.reason === PauseReason.OTHER && !dto.reasonText?.trim()) throw CalendarErrors.otherNeedsText();
    return inTransaction(this.dataSource, m, (m) => this.pauseIn(m, id, dto, actor));
  }

  private async pauseIn(
    m: EntityManager,
    id: string,
    dto: PauseClockRequest,
    actor: RequestActor,
  ): Promise<ClockEntity> {
    const c = await this.lock(m, id, actor.principal);
    assertClockAction(c.state, 'PAUSE');
    const cal = await this.calendars.calendar(m);
    const now = this.clock.now();
    const remaining = remainingAmount(cal, now, c.limitUnit, deadlineOf(c));
    await m.insert(ClockPauseEntity, {
      clockId: c.id,
      reason: dto.reason,
      reasonText: dto.reasonText?.trim() || null,
      legalBasis: dto.legalBasis.trim(),
      notice: dto.notice.trim(),
      startedAt: now,
      endedAt: null,
      remainingAtPause: remaining,
      dueDateBefore: c.dueDate,
      dueDateAfter: null,
      startedBy: actor.principal?.id ?? null,
      endedBy: null,
    });
    c.state = 'PAUSED';
    c.updatedAt = now;
    await this.audit.record(m, actor, {
      action: 'clock.paused',
      targetType: 'clock',
      targetId: c.id,
      summary: { reason: dto.reason, legalBasis: dto.legalBasis, remaining, dueDateBefore: c.dueDate },
    });
    return this.write(m, c);
  }

  /** Runs again with exactly what was left at the pause, counted from the resume day (not itself counted). */
  resume(actor: RequestActor, id: string, m?: EntityManager): Promise<ClockEntity> {
    return inTransaction(this.dataSource, m, (m) => this.resumeIn(m, id, actor));
  }

  private async resumeIn(m: EntityManager, id: string, actor: RequestActor): Promise<ClockEntity> {
    const c = await this.lock(m, id, actor.principal);
    assertClockAction(c.state, 'RESUME');
    const pause = await m.findOneByOrFail(ClockPauseEntity, { clockId: c.id, endedAt: IsNull() });
    const cal = await this.calendars.calendar(m);
    const now = this.clock.now();
    this.reanchor(cal, c, now, Number(pause.remainingAtPause));
    await m.update(ClockPauseEntity, pause.id, {
      endedAt: now,
      endedBy: actor.principal?.id ?? null,
      dueDateAfter: c.dueDate,
    });
    c.state = 'RUNNING';
    await this.audit.record(m, actor, {
      action: 'clock.resumed',
      targetType: 'clock',
      targetId: c.id,
      summary: {
        remaining: Number(pause.remainingAtPause),
        dueDateBefore: pause.dueDateBefore,
        dueDateAfter: c.dueDate,
      },
    });
    return this.write(m, c);
  }

  extend(actor: RequestActor, id: string, dto: ExtendClockRequest, m?: EntityManager): Promise<ClockEntity> {
    return inTransaction(this.dataSource, m, (m) => this.extendIn(m, id, dto, actor));
  }

  private async extendIn(
    m: EntityManager,
    id: string,
    dto: ExtendClockRequest,
    actor: RequestActor,
  ): Promise<ClockEntity> {
    const c = await this.lock(m, id, actor.principal);
    assertClockAction(c.state, 'EXTEND');
    assertExtensionAllowed(c.limitUnit, c.joint, c.extensionDays, dto.days);
    const cal = await this.calendars.calendar(m);
    const policy = await this.policies.version(m, c.policyVersion);
    const before = c.dueDate;
    c.extensionDays += dto.days;
    c.warnLeft = warningLeft(c.limitUnit, c.limitValue + c.extensionDays, warningPolicyFor(policy, c.subjectKind));
    if (c.state === 'PAUSED') {
      // The extra days wait in the open pause and count from the resume.
      const pause = await m.findOneByOrFail(ClockPauseEntity, { clockId: c.id, endedAt: IsNull() });
      await m.update(ClockPauseEntity, pause.id, { remainingAtPause: Number(pause.remainingAtPause) + dto.days });
    } else {
      c.anchorAmount = Number(c.anchorAmount) + dto.days;
      const due = this.calendars.guard(() =>
        deadlineFromDay(cal, c.anchorAt, dayNumber(c.anchorDay), c.limitUnit, Number(c.anchorAmount)),
      );
      c.dueDate = dateOfDay(due.dueDay);
      c.dueAt = due.dueAt;
      c.warnAt = warningAt(cal, c.anchorAt, c.limitUnit, due, Number(c.warnLeft));
    }
    c.updatedAt = this.clock.now();
    await m.insert(ClockExtensionEntity, {
      clockId: c.id,
      days: dto.days,
      reason: dto.reason.trim(),
      approverId: actor.principal!.id,
      approverName: actor.principal!.name,
      notice: dto.notice.trim(),
      dueDateBefore: before,
      dueDateAfter: c.state === 'PAUSED' ? before : c.dueDate,
      createdAt: this.clock.now(),
    });
    await this.audit.record(m, actor, {
      action: 'clock.extended',
      targetType: 'clock',
      targetId: c.id,
      summary: {
        days: dto.days,
        reason: dto.reason,
        totalExtension: c.extensionDays,
        dueDateBefore: before,
        dueDateAfter: c.dueDate,
      },
    });
    return this.write(m, c);
  }

  /** Sent back (退回): the old clock stops and stays on record; a new one starts with the full limit. */
  restart(actor: RequestActor, id: string, m?: EntityManager): Promise<ClockEntity> {
    return inTransaction(this.dataSource, m, async (m) => {
      const old = await this.lock(m, id, actor.principal);
      assertClockAction(old.state, 'RESTART');
      await this.stopLocked(m, old, 'RETURNED', actor);
      return this.start(
        actor,
        {
          subjectKind: old.subjectKind as ClockSubjectKind,
          subjectId: old.subjectId,
          departmentId: old.departmentId,
          limit: { value: old.limitValue, unit: old.limitUnit },
          joint: old.joint,
        },
        m,
        old.id,
      );
    });
  }

  /**
   * For the module that owns the subject (case completed, complaint closed…), in its transaction. `locked`:
   * the clock's row as JSON (`to_jsonb`), when the owner already locked it with its own row.
   */
  async stop(
    actor: RequestActor,
    id: string,
    reason: string,
    m: EntityManager,
    locked: Record<string, unknown> | null = null,
  ): Promise<ClockEntity> {
    const c = locked?.id === id ? EntityRows.entity(m, ClockEntity, locked) : await this.lock(m, id, null);
    assertClockAction(c.state, 'STOP');
    return this.stopLocked(m, c, reason, actor);
  }

  private async stopLocked(
    m: EntityManager,
    c: ClockEntity,
    reason: string,
    actor: RequestActor,
  ): Promise<ClockEntity> {
    const now = this.clock.now();
    if (c.state === 'PAUSED') await m.update(ClockPauseEntity, { clockId: c.id, endedAt: IsNull() }, { endedAt: now });
    c.state = 'STOPPED';
    c.stoppedAt = now;
    c.stopReason = reason;
    c.updatedAt = now;
    await this.audit.record(m, actor, {
      action: 'clock.stopped',
      targetType: 'clock',
      targetId: c.id,
      summary: { reason },
    });
    return this.write(m, c);
  }

  /** A locked clock is written back whole at the commit, with the transaction's other deferred writes. */
  private write(m: EntityManager, c: ClockEntity): ClockEntity {
    DeferredWrites.update(m, ClockEntity, c);
    return c;
  }

  private reanchor(cal: WorkingCalendar, c: ClockEntity, at: Date, amount: number) {
    const day = shanghaiDay(at);
    const due = this.calendars.guard(() => deadlineFromDay(cal, at, day, c.limitUnit, amount));
    c.anchorAt = at;
    c.anchorDay = dateOfDay(day);
    c.anchorAmount = amount;
    c.rawDueDate = due.rawDueDay === null ? null : dateOfDay(due.rawDueDay);
    c.dueDate = dateOfDay(due.dueDay);
    c.dueAt = due.dueAt;
    c.warnAt = warningAt(cal, at, c.limitUnit, due, Number(c.warnLeft));
    c.updatedAt = at;
  }

  /** Locks the clock row and checks the actor may touch its department. */
  private async lock(m: EntityManager, id: string, principal: Principal | null): Promise<ClockEntity> {
    const [row] = await m.query(
      `SELECT ${EntityRows.columns(m, ClockEntity, 'ck')} FROM clock ck WHERE ck.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw CalendarErrors.clockNotFound();
    const c = EntityRows.entity(m, ClockEntity, row);
    // Staff act on clocks within their department. An applicant reaches a clock only through their own
    // case (supplying materials resumes its acceptance clock), which the case module has checked.
    if (principal?.kind === 'STAFF') assertScope(principal, c);
    return c;
  }

  // ---------- reading ----------

  /** Clocks by id for the module that owns their subject (it has checked access to the subject). */
  async dtosOf(m: EntityManager, ids: (string | null)[]): Promise<Map<string, ClockDto>> {
    const wanted = ids.filter((i): i is string => !!i);
    if (!wanted.length) return new Map();
    const [r] = await m.query(
      `SELECT ${CalendarSql.clocksJson('SELECT unnest($1::uuid[])')} AS clocks, ${CalendarSql.REVISION} AS calendar_revision`,
      [wanted],
    );
    return this.dtosFromJson(m, r.clocks, r.calendar_revision);
  }

  /**
   * The clocks a subject's own query read with `CalendarSql.clocksJson` (and the calendar revision, `CalendarSql.REVISION`):
   * one query for the subject and any number of its clocks (a case page shows three).
   */
  async dtosFromJson(m: EntityManager, clocks: ClockJson[], calendarRevision: number): Promise<Map<string, ClockDto>> {
    if (!clocks.length) return new Map();
    const cal = await this.calendars.ofRevision(m, Number(calendarRevision));
    return new Map(
      clocks.map((x) => {
        const c = EntityRows.entity(m, ClockEntity, x.clock);
        return [c.id, this.buildDto(c, cal, x.pauses.map(pauseOf), x.extensions.map(extensionOf))];
      }),
    );
  }

  async get(principal: Principal, id: string): Promise<ClockDto> {
    return this.toDto(this.dataSource.manager, await this.read(principal, id));
  }

  private async read(principal: Principal, id: string): Promise<ClockEntity> {
    const c = await this.dataSource.getRepository(ClockEntity).findOneBy({ id });
    if (!c) throw CalendarErrors.clockNotFound();
    assertScope(principal, c);
    return c;
  }

  private async toDto(m: EntityManager, c: ClockEntity): Promise<ClockDto> {
    return (await this.dtosOf(m, [c.id])).get(c.id)!;
  }

  private buildDto(
    c: ClockEntity,
    cal: WorkingCalendar,
    pauses: ClockPauseEntity[],
    extensions: ClockExtensionEntity[],
  ): ClockDto {
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
    const c = await this.read(principal, id);
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

/** A pause or extension row as json_agg renders it: column names, timestamps as text. */
type PauseRow = Record<string, string | number | null>;

/** A clock as `CalendarSql.clocksJson` reads it: its row, pauses and extensions. */
export interface ClockJson {
  clock: Record<string, unknown>;
  pauses: PauseRow[];
  extensions: ExtensionRow[];
}

export interface ClockContext {
  revision: number;
  policy: number;
}

/** Versions a transaction read with its first query (`ClockService.prime`). */
const contextRead = new WeakMap<QueryRunner, ClockContext>();

type ExtensionRow = Record<string, string | number | null>;

function pauseOf(r: PauseRow): ClockPauseEntity {
  return Object.assign(new ClockPauseEntity(), {
    id: r.id,
    clockId: r.clock_id,
    reason: r.reason,
    reasonText: r.reason_text,
    legalBasis: r.legal_basis,
    notice: r.notice,
    startedAt: new Date(r.started_at as string),
    endedAt: r.ended_at ? new Date(r.ended_at as string) : null,
    remainingAtPause: Number(r.remaining_at_pause),
    dueDateBefore: r.due_date_before,
    dueDateAfter: r.due_date_after,
    startedBy: r.started_by,
    endedBy: r.ended_by,
  });
}

function extensionOf(r: ExtensionRow): ClockExtensionEntity {
  return Object.assign(new ClockExtensionEntity(), {
    id: r.id,
    clockId: r.clock_id,
    days: Number(r.days),
    reason: r.reason,
    approverId: r.approver_id,
    approverName: r.approver_name,
    notice: r.notice,
    dueDateBefore: r.due_date_before,
    dueDateAfter: r.due_date_after,
    createdAt: new Date(r.created_at as string),
  });
}

function deadlineOf(c: ClockEntity): Deadline {
  return {
    dueDay: dayNumber(c.dueDate),
    dueAt: c.dueAt,
    amount: Number(c.anchorAmount),
    rawDueDay: c.rawDueDate ? dayNumber(c.rawDueDate) : null,
  };
}

function assertScope(p: Principal, c: ClockEntity) {
  if (c.departmentId) DepartmentScope.assert(p, c.departmentId);
  else if (!isCenterWide(p.roles)) throw AuthErrors.departmentScope();
}
