import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type AcceptCaseRequest,
  dateOfDay,
  type DecideCaseRequest,
  type DeliverCaseRequest,
  DELIVERY_METHOD_LABELS,
  formatDeadline,
  PAUSE_REASON_LABELS,
  type RequestExtensionRequest,
  type ReviewCaseRequest,
  Role,
  shanghaiDay,
  type SupplementItemDto,
  type SuspendCaseRequest,
} from '@onewindow/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { DeferredWrites } from '../../platform/database/deferred-writes.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { CalendarSql, type ClockContext, ClockService } from '../calendar/calendar.module.js';
import { DepartmentService, OrganizationSql, StaffService } from '../organization/organization.module.js';
import { CaseAccess } from './case-access.js';
import { CaseIntakeService } from './case-intake.service.js';
import { CaseLedger } from './case-ledger.service.js';
import { CaseNoticeService } from './case-notice.service.js';
import { CaseEntity, CaseMaterialEntity, CaseTaskEntity } from './case.entities.js';
import { CaseErrors, CaseException } from './case.exception.js';

/** Art. 44: the result is delivered within 10 working days of the decision. */
const DELIVERY_LIMIT = { value: 10, unit: 'WORKING_DAY' } as const;
const ART_32 = '《中华人民共和国行政许可法》第三十二条';
const ART_45 = '《中华人民共和国行政许可法》第四十五条';

/**
 * Everything decided on a case after receipt: the acceptance decision (Art. 32), review tasks,
 * special procedures (Art. 45), extensions (Art. 42), the decision and delivery (Art. 44), and
 * withdrawal. Each is one transaction: lock the case, check the state machine and the actor, move
 * the clocks, issue the notice, append the step.
 */
@Injectable()
export class CaseDecisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly notices: CaseNoticeService,
    private readonly intake: CaseIntakeService,
    private readonly clocks: ClockService,
    private readonly departments: DepartmentService,
    private readonly staff: StaffService,
    private readonly clock: PlatformClock,
  ) {}

  private run<T>(id: string, work: (m: EntityManager, c: CaseEntity) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => work(m, await this.ledger.lock(m, id)));
  }

  // ---------- acceptance decision (Art. 32) ----------

  accept(actor: RequestActor, id: string, dto: AcceptCaseRequest): Promise<void> {
    return this.dataSource.transaction(async (m) => {
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
      CaseAccess.staff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'ACCEPT');
      const missing = mats.filter((x) => x.required && x.status === 'MISSING');
      if (missing.length) throw CaseErrors.materialsIncomplete(missing.map((x) => x.name));
      const deferred = mats.filter((x) => x.status === 'DEFERRED');
      if (deferred.length && !dto.deferredPromiseDate) throw CaseErrors.promiseNeeded();
      await this.clocks.stop(actor, c.acceptanceClockId!, 'ACCEPTED', m, clock);
      await this.acceptIn(
        m,
        c,
        actor,
        this.clock.now(),
        false,
        dto.opinion ?? null,
        deferred.length ? dto.deferredPromiseDate! : null,
      );
    });
  }

  /** Art. 32: a receipt left undecided past its 5 working days is accepted as of the day it was received. */
  deemAccepted(actor: RequestActor, id: string): Promise<void> {
    return this.run(id, async (m, c) => {
      this.ledger.assert(c, 'DEEM_ACCEPTED');
      const [ac] = (await this.clocks.dtosOf(m, [c.acceptanceClockId])).values();
      if (ac?.state !== 'RUNNING' || new Date(ac.dueAt) > this.clock.now()) throw CaseErrors.notOverdue();
      await this.clocks.stop(actor, c.acceptanceClockId!, 'DEEMED_ACCEPTED', m);
      await this.acceptIn(
        m,
        c,
        actor,
        c.receivedAt!,
        true,
        '受理期限届满未作决定，依法自收到申请材料之日起视为受理',
        null,
      );
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

  private async acceptIn(
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
    const caseClock = await this.clocks.start(
      actor,
      {
        subjectKind: 'CASE',
        subjectId: c.id,
        departmentId: c.departmentId,
        limit: content.promisedLimit,
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
    const reviewer = deemed ? null : actor.principal!.id;
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
    await this.assignCaseNo(m, c, at);
    const noticeId = await this.notices.issue(m, c, 'ACCEPTANCE_NOTICE', {
      due: { label: '承诺办结期限', at: caseClock.dueAt },
      sections: [
        {
          paragraphs: [
            deemed
              ? `本中心未在法定期限内对您的申请作出受理决定。依照${ART_32}，自收到申请材料之日起即为受理。`
              : `您申请的“${c.matterName}”材料齐全、符合法定形式，本中心决定予以受理。`,
            `承诺办结时限 ${content.promisedLimit.value} 个工作日，依法需要听证、检验、检测、鉴定、专家评审等的时间不计算在内。`,
            ...(promise ? [`容缺受理：您承诺于 ${promise} 前补交容缺材料；逾期未补交的，将记入监察记录。`] : []),
          ],
        },
      ],
    });
    await this.ledger.step(m, c, deemed ? 'DEEM_ACCEPTED' : 'ACCEPT', 'IN_REVIEW', actor, {
      opinion,
      resultCode: '4',
      noticeId,
      details: { caseNo: c.caseNo, deemed, promise },
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
    return this.run(id, async (m, c) => {
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
    return this.run(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'REQUEST_SUPPLEMENT');
      const mats = new Map(
        (await m.find(CaseMaterialEntity, { where: { caseId: c.id } })).map((x) => [x.materialIndex, x]),
      );
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
        await m.save(mat);
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
    return this.run(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'CLOSE_UNSUPPLIED');
      await this.clocks.stop(actor, c.acceptanceClockId!, 'NOT_SUPPLIED', m);
      Object.assign(c, { completionCode: '5', completedAt: this.clock.now() });
      await this.ledger.step(m, c, 'CLOSE_UNSUPPLIED', 'COMPLETED', actor, { opinion: reason.trim() });
    });
  }

  // ---------- review and decision ----------

  review(actor: RequestActor, id: string, dto: ReviewCaseRequest): Promise<void> {
    return this.run(id, async (m, c) => {
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
    return this.run(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.APPROVER);
      this.ledger.assert(c, 'DECIDE');
      const task = await this.openTask(m, c, 'DECIDE');
      if (!task) throw CaseErrors.reviewFirst();
      if (!dto.approve && !dto.legalBasis?.trim()) throw CaseErrors.denialNeedsBasis();
      const actingFor = await this.completeTask(m, task, actor, dto.reason, dto.approve);
      await this.clocks.stop(actor, c.caseClockId!, 'DECIDED', m);
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
      const noticeId = await this.notices.issue(m, c, 'DECISION', {
        due: { label: '送达期限', at: delivery.dueAt },
        sections: [
          { heading: dto.approve ? '准予行政许可决定' : '不予行政许可决定', paragraphs: [dto.reason.trim()] },
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
      await this.ledger.step(m, c, 'DECIDE', dto.approve ? 'APPROVED' : 'DENIED', actor, {
        opinion: dto.reason.trim(),
        resultCode: dto.approve ? '1' : '0',
        noticeId,
        actingFor,
      });
    });
  }

  // ---------- special procedures and extensions ----------

  suspend(actor: RequestActor, id: string, dto: SuspendCaseRequest): Promise<void> {
    return this.run(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.APPROVER);
      this.ledger.assert(c, 'SUSPEND');
      const text = `${PAUSE_REASON_LABELS[dto.kind]}，预计需要 ${dto.expectedDays} 个工作日，所需时间不计入办理时限。${dto.notice.trim()}`;
      await this.clocks.pause(actor, c.caseClockId!, { reason: dto.kind, legalBasis: ART_45, notice: text }, m);
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
    });
  }

  resume(actor: RequestActor, id: string): Promise<void> {
    return this.run(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.APPROVER);
      this.ledger.assert(c, 'RESUME');
      const clock = await this.clocks.resume(actor, c.caseClockId!, m);
      await this.ledger.step(m, c, 'RESUME', 'IN_REVIEW', actor, { details: { dueDate: clock.dueDate } });
    });
  }

  requestExtension(actor: RequestActor, id: string, dto: RequestExtensionRequest): Promise<void> {
    return this.run(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK, Role.APPROVER);
      this.ledger.assert(c, 'EXTEND');
      if (c.pendingExtension) throw CaseErrors.extensionPending();
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
    return this.run(id, async (m, c) => {
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

  // ---------- delivery, deferred materials, withdrawal ----------

  deliver(actor: RequestActor, id: string, dto: DeliverCaseRequest): Promise<void> {
    return this.run(id, async (m, c) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'DELIVER');
      if (dto.method === 'MAIL' && !dto.carrier?.trim())
        throw CaseErrors.deliveryDetails('carrier', '邮寄送达须填写快递公司');
      if (dto.method === 'MAIL' && !dto.trackingNo?.trim())
        throw CaseErrors.deliveryDetails('trackingNo', '邮寄送达须填写运单号');
      await this.clocks.stop(actor, c.deliveryClockId!, 'DELIVERED', m);
      const now = this.clock.now();
      const certificate = c.approved ? dto.certificateNo?.trim() || null : null;
      Object.assign(c, {
        deliveryMethod: dto.method,
        deliveryCarrier: dto.carrier?.trim() || null,
        deliveryTrackingNo: dto.trackingNo?.trim() || null,
        certificateNo: certificate,
        deliveredAt: now,
        completionCode: certificate ? '0' : '6',
        completedAt: now,
      });
      const noticeId = await this.notices.issue(m, c, 'DELIVERY_RECEIPT', {
        sections: [
          {
            rows: [
              ['送达方式', DELIVERY_METHOD_LABELS[dto.method]],
              ...(dto.method === 'MAIL' ? [['快递', `${dto.carrier} ${dto.trackingNo}`] as [string, string]] : []),
              [
                '送达文书',
                c.approved ? `准予许可决定书${certificate ? `；证照编号 ${certificate}` : ''}` : '不予许可决定书',
              ],
              ['送达时间', formatDeadline(now)],
            ],
          },
        ],
      });
      await this.ledger.step(m, c, 'DELIVER', 'COMPLETED', actor, {
        noticeId,
        details: { method: dto.method, certificateNo: certificate, completionCode: c.completionCode },
      });
    });
  }

  /** 容缺: the deferred materials arrive (uploaded online or handed in at the window). */
  supplyDeferred(actor: RequestActor, id: string, indexes: number[]): Promise<void> {
    return this.run(id, async (m, c) => {
      const who = CaseAccess.ownerOrStaff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'SUPPLY_DEFERRED');
      const mats = await m.find(CaseMaterialEntity, { where: { caseId: c.id, materialIndex: In(indexes) } });
      for (const i of indexes)
        if (!mats.some((x) => x.materialIndex === i && x.status === 'DEFERRED')) throw CaseErrors.materialUnknown(i);
      const now = this.clock.now();
      for (const mat of mats) {
        if (who === 'APPLICANT' && !mat.fileId) throw CaseErrors.materialsIncomplete([`${mat.name}（请先上传）`]);
        mat.status = who === 'STAFF' ? 'ORIGINAL_SEEN' : 'PROVIDED';
        mat.suppliedAt = now;
        await m.save(mat);
      }
      const late = c.deferredPromiseDate !== null && dateOfDay(shanghaiDay(now)) > c.deferredPromiseDate;
      if (late) c.deferredPromiseMissed = true;
      await this.ledger.step(m, c, 'SUPPLY_DEFERRED', c.state, actor, { details: { supplied: indexes, late } });
    });
  }

  /** Marks every 容缺 promise that has passed with materials still outstanding; returns the cases just marked. */
  async markMissedPromises(): Promise<string[]> {
    const today = dateOfDay(shanghaiDay(this.clock.now()));
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE service_case sc SET deferred_promise_missed = true, updated_at = $2, version = version + 1
       WHERE deferred_promise_missed = false AND deferred_promise_date < $1
         AND EXISTS (SELECT 1 FROM case_material cm WHERE cm.case_id = sc.id AND cm.status = 'DEFERRED')
       RETURNING sc.id`,
      [today, this.clock.now()],
    );
    return rows.map((r) => r.id);
  }

  withdraw(actor: RequestActor, id: string, reason: string): Promise<void> {
    return this.run(id, async (m, c) => {
      CaseAccess.ownerOrStaff(actor.principal, c, Role.CLERK);
      this.ledger.assert(c, 'WITHDRAW');
      for (const clock of (await this.clocks.dtosOf(m, [c.acceptanceClockId, c.caseClockId])).values()) {
        if (clock.state !== 'STOPPED') await this.clocks.stop(actor, clock.id, 'WITHDRAWN', m);
      }
      await m.update(CaseTaskEntity, { caseId: c.id, state: In(['OPEN', 'WAITING']) }, { state: 'CANCELLED' });
      Object.assign(c, { completionCode: c.state === 'DRAFT' ? null : '2', completedAt: this.clock.now() });
      await this.ledger.step(m, c, 'WITHDRAW', 'WITHDRAWN', actor, { opinion: reason.trim() });
    });
  }

  // ---------- tasks ----------

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
    if (task.assigneeId && task.assigneeId !== me) {
      const assignee = (await this.staff.placements(m, [task.assigneeId])).get(task.assigneeId);
      if (!assignee?.away || assignee.backupStaffId !== me) throw CaseErrors.notYourTask();
      actingFor = { id: assignee.id, name: assignee.name };
    }
    Object.assign(task, {
      state: 'DONE',
      opinion: opinion.trim(),
      agreed,
      completedBy: me,
      actingFor: actingFor?.id ?? null,
      completedAt: this.clock.now(),
    });
    await m.save(task);
    return actingFor;
  }
}
