import { Injectable } from '@nestjs/common';
import { PAUSE_REASON_LABELS, type RequestExtensionRequest, Role, type SuspendCaseRequest } from '@onewindow/shared';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { assertExtensionAllowed, ClockReader, ClockService } from '../calendar/calendar.module.js';
import { CaseAccess } from './case-access.js';
import { CaseExtensions } from './case-extensions.js';
import { CaseLedger } from './case-ledger.service.js';
import { CaseNoticeService } from './case-notice.service.js';
import type { CaseEntity } from './case.entities.js';
import { CaseErrors } from './case.exception.js';

const ART_45 = '《中华人民共和国行政许可法》第四十五条';

/**
 * Special procedures (Art. 45: hearing, testing, expert review … stop the CASE clock, with a notice) and
 * extensions (Art. 42: requested by staff, approved by the department lead, capped by statute).
 */
@Injectable()
export class CaseProcedureService {
  constructor(
    private readonly ledger: CaseLedger,
    private readonly notices: CaseNoticeService,
    private readonly clocks: ClockService,
    private readonly clockReader: ClockReader,
    private readonly clock: PlatformClock,
    private readonly extensions: CaseExtensions,
  ) {}

  suspend(actor: RequestActor, id: string, dto: SuspendCaseRequest): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.APPROVER);
      await this.suspendIn(m, c, actor, dto);
    });
  }

  /**
   * On a case its caller has locked and checked the actor for (a joint site inspection arranged by approval): the
   * special procedure begins, the CASE clock and every extension's clocks paused, the applicant told.
   */
  async suspendIn(m: EntityManager, c: CaseEntity, actor: RequestActor, dto: SuspendCaseRequest): Promise<void> {
    this.ledger.assert(c, 'SUSPEND');
    const text = `${PAUSE_REASON_LABELS[dto.kind]}，预计需要 ${dto.expectedDays} 个工作日，所需时间不计入办理时限。${dto.notice.trim()}`;
    const pause = { reason: dto.kind, legalBasis: ART_45, notice: text };
    await this.clocks.pause(actor, c.caseClockId!, pause, m);
    // Every open sub-task clock pauses with the case's and resumes with it.
    await this.extensions.suspended(m, c, actor, pause);
    const noticeId = await this.notices.issue(m, c, 'SPECIAL_PROCEDURE_NOTICE', {
      sections: [
        {
          rows: [
            ['特别程序', PAUSE_REASON_LABELS[dto.kind]],
            ['预计所需时间', `${dto.expectedDays} 个工作日`],
          ],
        },
        {
          paragraphs: [
            dto.notice.trim(),
            `依照${ART_45}，上述程序所需时间不计算在办理期限内；程序结束后恢复计算剩余期限。`,
          ],
        },
      ],
    });
    await this.ledger.step(m, c, 'SUSPEND', 'SUSPENDED', actor, {
      opinion: text,
      resultCode: '6',
      noticeId,
      details: { kind: dto.kind, expectedDays: dto.expectedDays },
    });
  }

  resume(actor: RequestActor, id: string): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.APPROVER);
      await this.resumeIn(m, c, actor);
    });
  }

  /** On a case its caller has locked and checked: the special procedure ends, every clock of the case runs again. */
  async resumeIn(m: EntityManager, c: CaseEntity, actor: RequestActor, opinion?: string): Promise<void> {
    this.ledger.assert(c, 'RESUME');
    const clock = await this.clocks.resume(actor, c.caseClockId!, m);
    await this.extensions.resumed(m, c, actor);
    await this.ledger.step(m, c, 'RESUME', 'IN_REVIEW', actor, { opinion, details: { dueDate: clock.dueDate } });
  }

  requestExtension(actor: RequestActor, id: string, dto: RequestExtensionRequest): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK, Role.APPROVER);
      this.ledger.assert(c, 'EXTEND');
      if (c.pendingExtension) throw CaseErrors.extensionPending();
      // Over the statute's cap, refused when asked for, not only when the lead approves.
      const [caseClock] = (await this.clockReader.dtosOf(m, [c.caseClockId])).values();
      if (caseClock) assertExtensionAllowed(caseClock.limit.unit, caseClock.joint, caseClock.extensionDays, dto.days);
      const p = actor.principal!;
      c.pendingExtension = {
        days: dto.days,
        reason: dto.reason.trim(),
        requestedBy: p.id,
        requestedByName: p.name,
        requestedAt: this.clock.now().toISOString(),
      };
      await this.ledger.step(m, c, 'EXTEND', c.state, actor, {
        opinion: dto.reason.trim(),
        details: { phase: 'REQUESTED', days: dto.days },
      });
    });
  }

  /** Art. 42: the department lead approves; capped by statute (the clock refuses more); the applicant is told why. */
  approveExtension(actor: RequestActor, id: string, approve: boolean): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.DEPT_LEAD);
      this.ledger.assert(c, 'EXTEND');
      const req = c.pendingExtension;
      if (!req) throw CaseErrors.noExtension();
      c.pendingExtension = null;
      if (!approve) {
        await this.ledger.step(m, c, 'EXTEND', c.state, actor, {
          opinion: '不同意延期',
          details: { phase: 'REFUSED', days: req.days },
        });
        return;
      }
      const notice = `因${req.reason}，经本部门负责人批准，办理期限延长 ${req.days} 个工作日。`;
      const clock = await this.clocks.extend(actor, c.caseClockId!, { days: req.days, reason: req.reason, notice }, m);
      const noticeId = await this.notices.issue(m, c, 'EXTENSION_NOTICE', {
        due: clock.state === 'RUNNING' ? { label: '延长后的办结期限', at: clock.dueAt } : undefined,
        sections: [{ paragraphs: [notice, '依照《中华人民共和国行政许可法》第四十二条，现将延长期限的理由告知您。'] }],
      });
      await this.ledger.step(m, c, 'EXTEND', c.state, actor, {
        opinion: notice,
        noticeId,
        details: { phase: 'APPROVED', days: req.days, dueDate: clock.dueDate },
      });
    });
  }
}
