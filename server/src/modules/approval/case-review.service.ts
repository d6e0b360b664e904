import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type DecideCaseRequest,
  type ForwardAnswerRequest,
  type ForwardCaseRequest,
  HandlingKind,
  PrincipalKind,
  type ReviewCaseRequest,
  Role,
} from '@onewindow/shared';
import { type EntityManager, In } from 'typeorm';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DeferredWrites } from '../../platform/database/deferred-writes.js';
import {
  CaseAccess,
  type CaseEntity,
  CaseErrors,
  CaseLedger,
  CaseNoticeService,
} from '../acceptance/acceptance.module.js';
import { ClockService } from '../calendar/calendar.module.js';
import { DepartmentService, StaffService } from '../organization/organization.module.js';
import { SubtaskService } from './subtask.service.js';
import { CaseTaskEntity } from './approval.entities.js';
import { ApprovalErrors } from './approval.exception.js';

/** Art. 44: the result is delivered within 10 working days of the decision. */
const DELIVERY_LIMIT = { value: 10, unit: 'WORKING_DAY' } as const;

/**
 * A case's review (审查) and decision (决定) tasks: opened when the case is accepted, done in order by their holder
 * or the holder's AB-post backup, the decision moving the case to APPROVED or DENIED and starting the delivery
 * clock. Each action is one case change (`CaseLedger.change`).
 */
@Injectable()
export class CaseReviewService {
  constructor(
    private readonly ledger: CaseLedger,
    private readonly notices: CaseNoticeService,
    private readonly clocks: ClockService,
    private readonly staff: StaffService,
    private readonly clock: PlatformClock,
    private readonly subtasks: SubtaskService,
    private readonly departments: DepartmentService,
  ) {}

  /**
   * On acceptance: the review, held by whoever accepted, and the decision after it. Deemed accepted, or accepted by a
   * comprehensive window for another department (a bundle's part), the review waits for any of the department's staff.
   */
  async openTasks(m: EntityManager, c: CaseEntity, actor: RequestActor, deemed: boolean): Promise<void> {
    const p = actor.principal;
    const reviewer = !deemed && p?.departmentId === c.departmentId ? p.id : null;
    DeferredWrites.insert(m, CaseTaskEntity, [
      m.create(CaseTaskEntity, {
        id: randomUUID(),
        caseId: c.id,
        kind: 'REVIEW',
        seq: 1,
        state: 'OPEN',
        departmentId: c.departmentId,
        assigneeId: reviewer,
      }),
      m.create(CaseTaskEntity, {
        id: randomUUID(),
        caseId: c.id,
        kind: 'DECIDE',
        seq: 2,
        state: 'WAITING',
        departmentId: c.departmentId,
        assigneeId: null,
      }),
    ]);
  }

  /** On withdrawal: every task not done is cancelled. */
  async cancelOpen(m: EntityManager, c: CaseEntity): Promise<void> {
    await m.update(CaseTaskEntity, { caseId: c.id, state: In(['OPEN', 'WAITING']) }, { state: 'CANCELLED' });
  }

  review(actor: RequestActor, id: string, dto: ReviewCaseRequest): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK, Role.APPROVER);
      this.ledger.assert(c, 'REVIEW');
      const task = await this.openTask(m, c, 'REVIEW');
      if (!task) throw CaseErrors.notAllowed(c.state, 'REVIEW');
      const actingFor = await this.completeTask(m, task, actor, dto.opinion, dto.agree);
      await m.update(CaseTaskEntity, { caseId: c.id, kind: 'DECIDE', state: 'WAITING' }, { state: 'OPEN' });
      await this.ledger.step(m, c, 'REVIEW', 'IN_REVIEW', actor, {
        opinion: dto.opinion.trim(),
        resultCode: dto.agree ? '1' : '0',
        actingFor,
      });
    });
  }

  decide(actor: RequestActor, id: string, dto: DecideCaseRequest): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.APPROVER);
      this.ledger.assert(c, 'DECIDE');
      if (c.handlingKind === HandlingKind.REPORT_UP) throw ApprovalErrors.reportUpDecidedAbove();
      const task = await this.readyToConclude(m, c, dto.approve, dto.legalBasis);
      const rejected = await this.subtasks.rejections(m, c.id);
      const override = dto.approve && rejected.length ? dto.overrideReason?.trim() : undefined;
      if (dto.approve && rejected.length && !override)
        throw ApprovalErrors.rejectedNeedsOverride(await this.names(m, rejected));
      task.overrideReason = override ?? null;
      const actingFor = await this.completeTask(m, task, actor, dto.reason, dto.approve);
      await this.clocks.stop(actor, c.caseClockId!, 'DECIDED', m);
      await this.recordDecision(m, c, actor, 'DECIDE', dto, {
        actingFor,
        ...(override ? { details: { override, overridden: rejected.map((r) => r.departmentId) } } : {}),
      });
    });
  }

  /**
   * 转报: a 上报件, reviewed (and, when joint, with every co-department's word in), goes to the higher authority with
   * the local opinion. The local part ends here: its DECIDE task is done and the CASE clock stops; no clock of the
   * center runs while the authority decides.
   */
  forward(actor: RequestActor, id: string, dto: ForwardCaseRequest): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.APPROVER);
      this.ledger.assert(c, 'FORWARD');
      if (c.handlingKind !== HandlingKind.REPORT_UP) throw ApprovalErrors.notReportUp();
      const task = await this.readyToConclude(m, c, true);
      const actingFor = await this.completeTask(m, task, actor, dto.opinion, true);
      await this.clocks.stop(actor, c.caseClockId!, 'FORWARDED', m);
      Object.assign(c, { forwardedTo: dto.authority.trim(), forwardedAt: this.clock.now() });
      await this.ledger.step(m, c, 'FORWARD', 'FORWARDED', actor, {
        opinion: dto.opinion.trim(),
        resultCode: '1',
        actingFor,
        details: { authority: c.forwardedTo },
      });
    });
  }

  /** The higher authority's decision on a forwarded case, as it came back (批复): then delivered as any decision. */
  forwardAnswer(actor: RequestActor, id: string, dto: ForwardAnswerRequest): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK, Role.APPROVER);
      this.ledger.assert(c, 'FORWARD_ANSWER');
      if (!dto.approve && !dto.legalBasis?.trim()) throw ApprovalErrors.denialNeedsBasis();
      c.forwardDocumentNo = dto.documentNo.trim();
      await this.recordDecision(m, c, actor, 'FORWARD_ANSWER', dto, {
        details: { authority: c.forwardedTo, documentNo: c.forwardDocumentNo },
      });
    });
  }

  /** The open DECIDE task, once review is done and every co-department has spoken; a denial needs its basis. */
  private async readyToConclude(m: EntityManager, c: CaseEntity, approve: boolean, legalBasis?: string) {
    const task = await this.openTask(m, c, 'DECIDE');
    if (!task) throw ApprovalErrors.reviewFirst();
    if (!approve && !legalBasis?.trim()) throw ApprovalErrors.denialNeedsBasis();
    // 并联审批: the lead concludes once every co-department has spoken.
    const pending = await this.subtasks.pending(m, c.id);
    if (pending.length) throw ApprovalErrors.subtasksPending(await this.names(m, pending));
    return task;
  }

  /** A decision (the department's, or the higher authority's for a 上报件): its notice, the delivery clock, the step. */
  private async recordDecision(
    m: EntityManager,
    c: CaseEntity,
    actor: RequestActor,
    action: 'DECIDE' | 'FORWARD_ANSWER',
    dto: { approve: boolean; reason: string; legalBasis?: string },
    step: { actingFor?: { id: string; name: string } | null; details?: Record<string, unknown> },
  ) {
    const now = this.clock.now();
    Object.assign(c, {
      approved: dto.approve,
      decisionReason: dto.reason.trim(),
      decisionBasis: dto.legalBasis?.trim() || null,
      decidedAt: now,
    });
    const delivery = await this.clocks.start(
      actor,
      { subjectKind: 'DELIVERY', subjectId: c.id, departmentId: c.departmentId, limit: DELIVERY_LIMIT },
      m,
    );
    c.deliveryClockId = delivery.id;
    const by = c.forwardedTo ? `${c.forwardedTo}（${c.forwardDocumentNo}）` : null;
    const noticeId = await this.notices.issue(m, c, 'DECISION', {
      due: { label: '送达期限', at: delivery.dueAt },
      sections: [
        {
          heading: dto.approve ? '准予行政许可决定' : '不予行政许可决定',
          paragraphs: [...(by ? [`本件经转报，由${by}作出决定。`] : []), dto.reason.trim()],
        },
        ...(dto.approve
          ? []
          : [
              { heading: '法律依据', paragraphs: [dto.legalBasis!.trim()] },
              {
                paragraphs: [
                  '如不服本决定，可以自收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。',
                ],
              },
            ]),
      ],
    });
    await this.ledger.step(m, c, action, dto.approve ? 'APPROVED' : 'DENIED', actor, {
      opinion: dto.reason.trim(),
      resultCode: dto.approve ? '1' : '0',
      noticeId,
      ...step,
    });
  }

  private async names(m: EntityManager, subtasks: { departmentId: string }[]): Promise<string[]> {
    const names = [];
    for (const s of subtasks) names.push((await this.departments.require(m, s.departmentId)).name);
    return names;
  }

  private openTask(m: EntityManager, c: CaseEntity, kind: 'REVIEW' | 'DECIDE') {
    return m.findOneBy(CaseTaskEntity, { caseId: c.id, kind, state: 'OPEN' });
  }

  /** Completes a task; AB-post: someone else's task may be done by their backup while they are away. */
  private async completeTask(
    m: EntityManager,
    task: CaseTaskEntity,
    actor: RequestActor,
    opinion: string,
    agreed: boolean,
  ) {
    const me = actor.principal!.id;
    let actingFor: { id: string; name: string } | null = null;
    // The department's own system works the department's tasks, whoever holds them at the center.
    const departmentSystem = actor.principal!.kind === PrincipalKind.CLIENT;
    if (task.assigneeId && task.assigneeId !== me && !departmentSystem) {
      const assignee = (await this.staff.placements(m, [task.assigneeId])).get(task.assigneeId);
      if (!assignee?.away || assignee.backupStaffId !== me) throw ApprovalErrors.notYourTask();
      actingFor = { id: assignee.id, name: assignee.name };
    }
    Object.assign(task, {
      state: 'DONE',
      opinion: opinion.trim(),
      agreed,
      completedBy: me,
      completedByName: actor.principal!.name,
      actingFor: actingFor?.id ?? null,
      completedAt: this.clock.now(),
    });
    await m.save(task);
    return actingFor;
  }
}
