import { Injectable } from '@nestjs/common';
import {
  ADJUSTMENT_TRANSITIONS,
  type DecideAdjustmentRequest,
  type FeeAdjustmentDto,
  type Page,
  type Principal,
  type RequestAdjustmentRequest,
  Role,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { Paging } from '../../platform/http/paging.js';
import { Outbox } from '../../platform/outbox/outbox.js';
import { CaseLedger } from '../acceptance/acceptance.module.js';
import { Inject } from '@nestjs/common';
import { FeeAccess } from './fee-access.js';
import { FeeAdjustmentEntity, FeePaymentEntity, type PaymentNoticeEntity } from './fees.entities.js';
import { FeeErrors } from './fees.exception.js';
import { toAdjustmentDto } from './fees.mappers.js';
import { PaymentNoticeService } from './payment-notice.service.js';

/**
 * 减免 and 退费: asked for on a notice (a waiver, before payment) or its payment (a refund, after) with a reason and
 * a legal or policy basis; in force only when a second person — the department's lead or the finance office, never
 * the one who asked — approves it. An approved waiver cancels the notice and issues its successor for the rest (or
 * settles it, waived in full); an approved refund is its own record against the payment, which is never edited.
 */
@Injectable()
export class FeeAdjustmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly notices: PaymentNoticeService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(actor: RequestActor, noticeId: string, dto: RequestAdjustmentRequest): Promise<FeeAdjustmentDto> {
    const caseId = await this.notices.caseOf(noticeId);
    return this.ledger.change(caseId, async (m) => {
      const n = await this.notices.lockNotice(m, noticeId);
      const who = FeeAccess.act(actor.principal, n.departmentId, Role.CLERK, Role.APPROVER, Role.CASHIER, Role.FINANCE);
      const payment = dto.kind === 'REFUND' ? await m.findOneBy(FeePaymentEntity, { noticeId }) : null;
      const max = await this.room(m, n, dto.kind, payment);
      if (dto.amountFen > max) throw FeeErrors.adjustmentAmount(max);
      const now = this.clock.now();
      const a = await m.save(
        m.create(FeeAdjustmentEntity, {
          kind: dto.kind,
          caseId,
          departmentId: n.departmentId,
          noticeId,
          paymentId: payment?.id ?? null,
          amountFen: dto.amountFen,
          reason: dto.reason.trim(),
          basis: dto.basis.trim(),
          state: 'REQUESTED',
          requestedAt: now,
          requestedById: who.id,
          requestedByName: who.name,
          decidedAt: null,
          decidedById: null,
          decidedByName: null,
          decisionNote: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(m, actor, {
        action: dto.kind === 'WAIVER' ? 'fees.waiver_requested' : 'fees.refund_requested',
        targetType: 'fee_adjustment',
        targetId: a.id,
        summary: { caseId, noticeId, amountFen: dto.amountFen, reason: a.reason, basis: a.basis },
      });
      return toAdjustmentDto(a);
    });
  }

  /** How much may still be waived (the notice unpaid) or refunded (what was paid less what was refunded). */
  private async room(
    m: EntityManager,
    n: PaymentNoticeEntity,
    kind: RequestAdjustmentRequest['kind'],
    payment: FeePaymentEntity | null,
  ): Promise<number> {
    if (kind === 'WAIVER') {
      if (n.state !== 'ISSUED') throw FeeErrors.adjustmentKind('只有待缴费的通知书可以申请减免；已缴费的请申请退费');
      const [{ pending }] = await m.query<{ pending: number }[]>(
        `SELECT count(*)::int AS pending FROM fee_adjustment WHERE notice_id = $1 AND kind = 'WAIVER' AND state = 'REQUESTED'`,
        [n.id],
      );
      if (pending) throw FeeErrors.adjustmentKind('该通知书已有待审批的减免申请');
      return Number(n.totalFen);
    }
    if (!payment) throw FeeErrors.adjustmentKind('该通知书尚未缴费，不能退费；未缴的费用请申请减免');
    const [{ taken }] = await m.query<{ taken: number }[]>(
      `SELECT coalesce(sum(amount_fen), 0)::bigint AS taken FROM fee_adjustment
       WHERE payment_id = $1 AND kind = 'REFUND' AND state <> 'REJECTED'`,
      [payment.id],
    );
    return Number(payment.amountFen) - Number(taken);
  }

  async decide(actor: RequestActor, id: string, dto: DecideAdjustmentRequest): Promise<FeeAdjustmentDto> {
    const a0 = await this.dataSource.manager.findOneBy(FeeAdjustmentEntity, { id });
    if (!a0) throw FeeErrors.adjustmentNotFound();
    return this.ledger.change(a0.caseId, async (m, c) => {
      const a = await m.findOne(FeeAdjustmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw FeeErrors.adjustmentNotFound();
      const who = FeeAccess.act(actor.principal, a.departmentId, Role.DEPT_LEAD, Role.FINANCE);
      if (a.requestedById === who.id) throw FeeErrors.secondApprover();
      const next = ADJUSTMENT_TRANSITIONS[a.state][dto.approve ? 'APPROVE' : 'REJECT'];
      if (!next) throw FeeErrors.adjustmentState();
      const now = this.clock.now();
      Object.assign(a, {
        state: next,
        decidedAt: now,
        decidedById: who.id,
        decidedByName: who.name,
        decisionNote: dto.note?.trim() || null,
        updatedAt: now,
      });
      await m.save(a);
      let successor: string | null = null;
      if (next === 'APPROVED' && a.kind === 'WAIVER') {
        const n = await this.notices.lockNotice(m, a.noticeId);
        this.notices.cancelIn(m, actor, n, `减免：${a.reason}`, 'CANCEL');
        await m.save(n);
        const s = await this.notices.issueIn(m, actor, c, n.items, {
          waivedFen: Number(n.waivedFen) + Number(a.amountFen),
          dueWorkingDays: this.config.fees.dueWorkingDays,
          replacesId: n.id,
        });
        successor = s.id;
      }
      if (next === 'APPROVED' && a.kind === 'REFUND')
        Outbox.add(m, {
          type: 'payment.refunded',
          caseId: a.caseId,
          departmentId: a.departmentId,
          occurredAt: now,
          data: { noticeId: a.noticeId, paymentId: a.paymentId, amountFen: Number(a.amountFen), reason: a.reason },
        });
      await this.audit.record(m, actor, {
        action: `fees.${a.kind === 'WAIVER' ? 'waiver' : 'refund'}_${next === 'APPROVED' ? 'approved' : 'rejected'}`,
        targetType: 'fee_adjustment',
        targetId: a.id,
        summary: { caseId: a.caseId, amountFen: Number(a.amountFen), note: a.decisionNote, successor },
      });
      return toAdjustmentDto(a);
    });
  }

  /** Waivers and refunds waiting for a second person (or all), newest first, within the caller's reach. */
  async list(p: Principal, q: { state?: string; page?: number; pageSize?: number }): Promise<Page<FeeAdjustmentDto>> {
    const paging = Paging.of(q);
    const qb = this.dataSource.manager
      .createQueryBuilder(FeeAdjustmentEntity, 'a')
      .orderBy('a.requested_at', 'DESC')
      .addOrderBy('a.id');
    if (q.state) qb.andWhere('a.state = :state', { state: q.state });
    if (!FeeAccess.wide(p)) qb.andWhere('a.department_id = :dept', { dept: p.departmentId });
    const [rows, total] = await qb.skip(paging.offset).take(paging.pageSize).getManyAndCount();
    return paging.of(rows.map(toAdjustmentDto), total);
  }
}
