import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type ClockSubjectKind,
  dateOfDay,
  dayNumber,
  type Deadline,
  deadlineFromDay,
  type ExtendClockRequest,
  limitAmount,
  type PauseClockRequest,
  PauseReason,
  remainingAmount,
  shanghaiDay,
  type StartClockRequest,
  warningAt,
  warningLeft,
  warningPolicyFor,
  type WorkingCalendar,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { inTransaction } from '../../platform/database/transaction.js';
import { CalendarErrors } from './calendar.exception.js';
import { ClockEntity, type DeadlinePolicyEntity } from './calendar.entities.js';
import { type ClockContext, ClockRepository } from './clock.repository.js';
import { CalendarService } from './calendar.service.js';
import { assertClockAction, assertExtensionAllowed, validateLimit } from './clock-rules.js';
import { ClockSubjects } from './clock-subjects.js';
import { DeadlinePolicyService } from './deadline-policy.service.js';
import { DepartmentService } from '../organization/organization.module.js';

/** Whether the module owning a clock's subject has already checked the actor (see `ClockService.pause`). */
export interface OwnerCheck {
  checked: boolean;
}
const UNCHECKED: OwnerCheck = { checked: false };

/**
 * Deadline clocks, the commands: start, pause and resume with the remaining time, extend within the statute,
 * restart when sent back, stop. Every method that changes a clock takes the caller's transaction, so a case and
 * its clock change together. Reading is ClockReader's; rows are ClockRepository's.
 */
@Injectable()
export class ClockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly policies: DeadlinePolicyService,
    private readonly audit: AuditService,
    private readonly clocks: ClockRepository,
    private readonly clock: PlatformClock,
    private readonly departments: DepartmentService,
    private readonly subjects: ClockSubjects,
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

  /**
   * A clock started from outside (a department's system, a test): its subject must exist (its owner says so through
   * `ClockSubjects`) and its department must be the subject's, or one the center has when the subject names none.
   * The modules that own a subject start theirs with `start`, in their own transaction, for a subject they hold.
   */
  async startFromOutside(actor: RequestActor, input: StartClockRequest): Promise<ClockEntity> {
    const subject = await this.subjects.resolve(input.subjectKind, input.subjectId, this.dataSource.manager);
    if (!subject) throw CalendarErrors.unknownSubject();
    const departmentId = input.departmentId ?? subject.departmentId ?? undefined;
    if (subject.departmentId && departmentId !== subject.departmentId) throw CalendarErrors.notSubjectsDepartment();
    if (departmentId && !(await this.departments.exists(departmentId))) throw CalendarErrors.unknownDepartment();
    return this.start(actor, { ...input, departmentId });
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
    return this.clocks.insert(m, c);
  }

  /** The calendar and the policy in force (both cached by version; a policy's thresholds never change). */
  private async context(m: EntityManager): Promise<{ cal: WorkingCalendar; policy: DeadlinePolicyEntity }> {
    const r = await this.clocks.context(m);
    return {
      cal: await this.calendars.ofRevision(m, Number(r.revision)),
      policy: await this.policies.version(m, Number(r.policy)),
    };
  }

  /**
   * The versions `CalendarSql.CONTEXT` read with the subject's first query in `m`'s transaction: the clocks it
   * starts use them instead of asking again (kept by the repository for that transaction only).
   */
  prime(m: EntityManager, context: ClockContext): void {
    this.clocks.prime(m, context);
  }

  /**
   * `owner.checked`: the module that owns the clock's subject has already checked the actor may do this (a case's
   * special procedure pauses its co-departments' sub-task clocks too), so the clock's own department scope is not.
   */
  pause(
    actor: RequestActor,
    id: string,
    dto: PauseClockRequest,
    m?: EntityManager,
    owner: OwnerCheck = UNCHECKED,
  ): Promise<ClockEntity> {
    if (dto.reason === PauseReason.OTHER && !dto.reasonText?.trim()) throw CalendarErrors.otherNeedsText();
    return inTransaction(this.dataSource, m, (m) => this.pauseIn(m, id, dto, actor, owner));
  }

  private async pauseIn(
    m: EntityManager,
    id: string,
    dto: PauseClockRequest,
    actor: RequestActor,
    owner: OwnerCheck,
  ): Promise<ClockEntity> {
    const c = await this.clocks.lock(m, id, owner.checked ? null : actor.principal);
    assertClockAction(c.state, 'PAUSE');
    const cal = await this.calendars.calendar(m);
    const now = this.clock.now();
    const remaining = remainingAmount(cal, now, c.limitUnit, deadlineOf(c));
    await this.clocks.addPause(m, {
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
    return this.clocks.write(m, c);
  }

  /** Runs again with exactly what was left at the pause, counted from the resume day (not itself counted). */
  resume(actor: RequestActor, id: string, m?: EntityManager, owner: OwnerCheck = UNCHECKED): Promise<ClockEntity> {
    return inTransaction(this.dataSource, m, (m) => this.resumeIn(m, id, actor, owner));
  }

  private async resumeIn(m: EntityManager, id: string, actor: RequestActor, owner: OwnerCheck): Promise<ClockEntity> {
    const c = await this.clocks.lock(m, id, owner.checked ? null : actor.principal);
    assertClockAction(c.state, 'RESUME');
    const pause = await this.clocks.openPause(m, c.id);
    const cal = await this.calendars.calendar(m);
    const now = this.clock.now();
    this.reanchor(cal, c, now, Number(pause.remainingAtPause));
    await this.clocks.changePause(m, pause.id, {
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
    return this.clocks.write(m, c);
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
    const c = await this.clocks.lock(m, id, actor.principal);
    assertClockAction(c.state, 'EXTEND');
    assertExtensionAllowed(c.limitUnit, c.joint, c.extensionDays, dto.days);
    const cal = await this.calendars.calendar(m);
    const policy = await this.policies.version(m, c.policyVersion);
    const before = c.dueDate;
    c.extensionDays += dto.days;
    c.warnLeft = warningLeft(c.limitUnit, c.limitValue + c.extensionDays, warningPolicyFor(policy, c.subjectKind));
    if (c.state === 'PAUSED') {
      // The extra days wait in the open pause and count from the resume.
      const pause = await this.clocks.openPause(m, c.id);
      await this.clocks.changePause(m, pause.id, { remainingAtPause: Number(pause.remainingAtPause) + dto.days });
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
    await this.clocks.addExtension(m, {
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
    return this.clocks.write(m, c);
  }

  /** Sent back (退回): the old clock stops and stays on record; a new one starts with the full limit. */
  restart(actor: RequestActor, id: string, m?: EntityManager): Promise<ClockEntity> {
    return inTransaction(this.dataSource, m, async (m) => {
      const old = await this.clocks.lock(m, id, actor.principal);
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
    const c = locked?.id === id ? this.clocks.fromRow(m, locked) : await this.clocks.lock(m, id, null);
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
    if (c.state === 'PAUSED') await this.clocks.endOpenPause(m, c.id, now);
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
    return this.clocks.write(m, c);
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
}

function deadlineOf(c: ClockEntity): Deadline {
  return {
    dueDay: dayNumber(c.dueDate),
    dueAt: c.dueAt,
    amount: Number(c.anchorAmount),
    rawDueDay: c.rawDueDate ? dayNumber(c.rawDueDate) : null,
  };
}
