import { Injectable } from '@nestjs/common';
import {
  type AcceptCaseRequest,
  caseLimitOf,
  dateOfDay,
  formatTimeLimit,
  Role,
  shanghaiDay,
  type SupplementItemDto,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { CalendarSql, type ClockContext, ClockReader, ClockService } from '../calendar/calendar.module.js';
import { DepartmentService, OrganizationSql } from '../organization/organization.module.js';
import { CaseAccess } from './case-access.js';
import { CaseExtensions } from './case-extensions.js';
import { CaseIntakeService } from './case-intake.service.js';
import { CaseLedger } from './case-ledger.service.js';
import { CaseNoticeService } from './case-notice.service.js';
import type { CaseEntity } from './case.entities.js';
import { CaseErrors, CaseException } from './case.exception.js';
import { KeyProjectService } from './key-project.service.js';

const ART_32 = '《中华人民共和国行政许可法》第三十二条';

/**
 * The acceptance decision on a receipt (Art. 32): accept (the CASE clock starts, the case gets its number and the
 * extensions open their work), deem accepted when the 5 working days ran out, refuse, ask once for everything
 * missing (一次性告知), or close a receipt never supplied. Each is one transaction on the locked case.
 */
@Injectable()
export class CaseAcceptanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly notices: CaseNoticeService,
    private readonly intake: CaseIntakeService,
    private readonly extensions: CaseExtensions,
    private readonly clocks: ClockService,
    private readonly clockReader: ClockReader,
    private readonly departments: DepartmentService,
    private readonly keyProjects: KeyProjectService,
    private readonly clock: PlatformClock,
  ) {}

  accept(actor: RequestActor, id: string, dto: AcceptCaseRequest): Promise<void> {
    return this.dataSource.transaction((m) => this.acceptIn(m, actor, id, dto, 'DEPARTMENT'));
  }

  /**
   * Accepts one receipt in the caller's transaction. `scope` says who may: the department's clerk, or (for the parts
   * of a bundle, checked by the caller) a comprehensive window accepting for every department at once.
   */
  async acceptIn(
    m: EntityManager,
    actor: RequestActor,
    id: string,
    dto: AcceptCaseRequest,
    scope: 'DEPARTMENT' | 'COMPREHENSIVE_WINDOW',
  ): Promise<void> {
    // The case, its materials, its acceptance clock, and what accepting it reads besides (the calendar and
    // policy in force for its CASE clock, its department for the number and the notice), in one round trip.
    const {
      c,
      materials: mats,
      clock,
      raw,
    } = await this.ledger.lockForAcceptance(m, id, {
      clock_context: CalendarSql.CONTEXT,
      department: OrganizationSql.departmentJson('sc.department_id'),
    });
    this.clocks.prime(m, raw.clock_context as ClockContext);
    this.departments.prime(m, raw.department as Record<string, unknown> | null);
    if (scope === 'DEPARTMENT') CaseAccess.staff(actor.principal, c, Role.CLERK);
    this.ledger.assert(c, 'ACCEPT');
    const missing = mats.filter((x) => x.required && x.status === 'MISSING');
    if (missing.length) throw CaseErrors.materialsIncomplete(missing.map((x) => x.name));
    const deferred = mats.filter((x) => x.status === 'DEFERRED');
    if (deferred.length && !dto.deferredPromiseDate) throw CaseErrors.promiseNeeded();
    await this.clocks.stop(actor, c.acceptanceClockId!, 'ACCEPTED', m, clock);
    await this.open(
      m,
      c,
      actor,
      this.clock.now(),
      false,
      dto.opinion ?? null,
      deferred.length ? dto.deferredPromiseDate! : null,
    );
  }

  /** Art. 32: a receipt left undecided past its 5 working days is accepted as of the day it was received. */
  deemAccepted(actor: RequestActor, id: string): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      this.ledger.assert(c, 'DEEM_ACCEPTED');
      const [ac] = (await this.clockReader.dtosOf(m, [c.acceptanceClockId])).values();
      if (ac?.state !== 'RUNNING' || new Date(ac.dueAt) > this.clock.now()) throw CaseErrors.notOverdue();
      await this.clocks.stop(actor, c.acceptanceClockId!, 'DEEMED_ACCEPTED', m);
      await this.open(m, c, actor, c.receivedAt!, true, '受理期限届满未作决定，依法自收到申请材料之日起视为受理', null);
    });
  }

  /** Every receipt whose acceptance clock has run out: the transition the supervision sweep fires. */
  async deemOverdue(actor: RequestActor): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT sc.id FROM service_case sc JOIN ${CalendarSql.clock('ck')} ON ck.id = sc.acceptance_clock_id
       WHERE sc.state = 'SUBMITTED' AND ck.state = 'RUNNING' AND ck.due_at <= $1 ORDER BY ck.due_at`,
      [this.clock.now()],
    );
    let accepted = 0;
    for (const r of rows) {
      try {
        await this.deemAccepted(actor, r.id);
        accepted++;
      } catch (e) {
        // Decided meanwhile (a clerk, or another instance's sweep): the state machine refused it; move on.
        if (!(e instanceof CaseException && e.status === 409)) throw e;
      }
    }
    return accepted;
  }

  /** The case is accepted (or deemed accepted) at `at`: its CASE clock, number, notice and the extensions' work. */
  private async open(
    m: EntityManager,
    c: CaseEntity,
    actor: RequestActor,
    at: Date,
    deemed: boolean,
    opinion: string | null,
    promise: string | null,
  ) {
    c.acceptedAt = at;
    c.deemedAccepted = deemed;
    const content = await this.intake.content(m, c);
    if (c.handlingKind === 'IMMEDIATE') {
      // 即办件: accepted and concluded on the spot.
      await this.extensions.concluding(m, c);
      const now = this.clock.now();
      Object.assign(c, {
        approved: true,
        decisionReason: opinion ?? '材料齐全，符合法定形式，当场办结',
        decidedAt: now,
        completionCode: '6',
        completedAt: now,
      });
      await this.assignCaseNo(m, c, at);
      const noticeId = await this.notices.issue(m, c, 'ACCEPTANCE_NOTICE', {
        sections: [
          { paragraphs: [`您申请的“${c.matterName}”材料齐全、符合法定形式，本中心予以受理并当场办结（即办件）。`] },
        ],
      });
      await this.ledger.step(m, c, 'ACCEPT', 'COMPLETED', actor, {
        opinion,
        resultCode: '4',
        noticeId,
        details: { immediate: true },
      });
      return;
    }
    // 绿色通道: a key project's case runs on the matter's green-channel limit, and its cards on that limit.
    const keyProject = await this.keyProjects.match(m, c);
    c.keyProjectId = keyProject?.id ?? null;
    const limit = caseLimitOf(content, !!keyProject);
    const caseClock = await this.clocks.start(
      actor,
      {
        subjectKind: 'CASE',
        subjectId: c.id,
        departmentId: c.departmentId,
        limit,
        joint: c.handlingKind === 'JOINT',
      },
      m,
      null,
      at,
    );
    c.caseClockId = caseClock.id;
    if (promise) {
      const today = dateOfDay(shanghaiDay(this.clock.now()));
      if (promise <= today || promise > caseClock.dueDate) throw CaseErrors.promiseTooLate(caseClock.dueDate);
      c.deferredPromiseDate = promise;
    }
    await this.extensions.accepted(m, c, actor, deemed, content);
    await this.assignCaseNo(m, c, at);
    const noticeId = await this.notices.issue(m, c, 'ACCEPTANCE_NOTICE', {
      due: { label: '承诺办结期限', at: caseClock.dueAt },
      sections: [
        {
          paragraphs: [
            deemed
              ? `本中心未在法定期限内对您的申请作出受理决定。依照${ART_32}，自收到申请材料之日起即为受理。`
              : `您申请的“${c.matterName}”材料齐全、符合法定形式，本中心决定予以受理。`,
            keyProject && limit !== content.promisedLimit
              ? `本件属重点项目“${keyProject.projectName}”，走绿色通道：办结时限 ${formatTimeLimit(limit)}（承诺时限 ${formatTimeLimit(content.promisedLimit)}），依法需要听证、检验、检测、鉴定、专家评审等的时间不计算在内。`
              : `承诺办结时限 ${formatTimeLimit(limit)}，依法需要听证、检验、检测、鉴定、专家评审等的时间不计算在内。`,
            ...(promise ? [`容缺受理：您承诺于 ${promise} 前补交容缺材料；逾期未补交的，将记入监察记录。`] : []),
          ],
        },
      ],
    });
    await this.ledger.step(m, c, deemed ? 'DEEM_ACCEPTED' : 'ACCEPT', 'IN_REVIEW', actor, {
      opinion,
      resultCode: '4',
      noticeId,
      details: { caseNo: c.caseNo, deemed, promise, ...(keyProject ? { keyProjectId: keyProject.id, limit } : {}) },
    });
  }

  /**
   * 办件编号: department code, acceptance day, the day's sequence. Taken after every check of the action
   * (see CaseLedger.next).
   */
  private async assignCaseNo(m: EntityManager, c: CaseEntity, at: Date) {
    const dept = await this.departments.require(m, c.departmentId);
    const day = dateOfDay(shanghaiDay(at));
    const seq = await this.ledger.next(m, `CASE:${dept.code}`, day);
    c.caseNo = `${dept.code}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
  }

  reject(actor: RequestActor, id: string, reason: string, legalBasis: string): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'REJECT');
      await this.clocks.stop(actor, c.acceptanceClockId!, 'REJECTED', m);
      Object.assign(c, {
        completionCode: '1',
        completedAt: this.clock.now(),
        decisionReason: reason.trim(),
        decisionBasis: legalBasis.trim(),
      });
      const noticeId = await this.notices.issue(m, c, 'REJECTION_NOTICE', {
        sections: [
          { heading: '不予受理的理由', paragraphs: [reason.trim()] },
          { heading: '法律依据', paragraphs: [legalBasis.trim()] },
          {
            paragraphs: [
              '如不服本决定，可以自收到本通知书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。',
            ],
          },
        ],
      });
      await this.ledger.step(m, c, 'REJECT', 'REJECTED', actor, {
        opinion: reason.trim(),
        resultCode: '3',
        noticeId,
        details: { legalBasis },
      });
    });
  }

  /**
   * 一次性告知: one notice lists everything missing or defective; the acceptance clock pauses. A second
   * notice may only concern materials handed in after the first (a newly supplied item that is itself defective).
   */
  supplement(actor: RequestActor, id: string, items: SupplementItemDto[]): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'REQUEST_SUPPLEMENT');
      const mats = await this.ledger.materials(m, c.id);
      for (const it of items)
        if (it.materialIndex !== null && !mats.has(it.materialIndex))
          throw CaseErrors.materialUnknown(it.materialIndex);
      if (c.supplementNoticeAt) {
        const first = c.supplementNoticeAt;
        const onlyNew = items.every(
          (it) => it.materialIndex !== null && (mats.get(it.materialIndex)!.suppliedAt ?? new Date(0)) > first,
        );
        if (!onlyNew) throw CaseErrors.secondSupplement();
      }
      const now = this.clock.now();
      for (const it of items) {
        if (it.materialIndex === null) continue;
        const mat = mats.get(it.materialIndex)!;
        mat.status = 'MISSING';
        await this.ledger.writeMaterial(m, mat);
      }
      const lines = items.map((it) =>
        it.materialIndex !== null ? `${mats.get(it.materialIndex)!.name}：${it.text}` : it.text,
      );
      const noticeText = `请补正以下全部材料：${lines.join('；')}`;
      await this.clocks.pause(
        actor,
        c.acceptanceClockId!,
        { reason: 'SUPPLEMENT', legalBasis: `${ART_32}第一款第（四）项`, notice: noticeText },
        m,
      );
      c.supplementItems = items.map((it) => ({ materialIndex: it.materialIndex, text: it.text.trim() }));
      c.supplementNoticeAt = now;
      const noticeId = await this.notices.issue(m, c, 'SUPPLEMENT_NOTICE', {
        sections: [
          { heading: '需要补正的全部内容', list: lines },
          {
            paragraphs: [
              `依照${ART_32}，现一次性告知您需要补正的全部内容。补正期间受理期限暂停计算，材料补齐后恢复计算剩余期限。可登录网上办事大厅上传，或到窗口提交。`,
            ],
          },
        ],
      });
      await this.ledger.step(m, c, 'REQUEST_SUPPLEMENT', 'SUPPLEMENT_REQUIRED', actor, {
        opinion: noticeText,
        resultCode: '7',
        noticeId,
        details: { items: c.supplementItems },
      });
    });
  }

  /** The applicant never supplied: the receipt is closed with 补正不来. */
  closeUnsupplied(actor: RequestActor, id: string, reason: string): Promise<void> {
    return this.ledger.change(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'CLOSE_UNSUPPLIED');
      await this.clocks.stop(actor, c.acceptanceClockId!, 'NOT_SUPPLIED', m);
      Object.assign(c, { completionCode: '5', completedAt: this.clock.now() });
      await this.ledger.step(m, c, 'CLOSE_UNSUPPLIED', 'COMPLETED', actor, { opinion: reason.trim() });
    });
  }
}
