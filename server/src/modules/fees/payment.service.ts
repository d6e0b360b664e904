import { Injectable } from '@nestjs/common';
import {
  type BankNoticeDto,
  type ConfirmPaymentRequest,
  isValidPaymentCode,
  normalizePaymentCode,
  type Page,
  type PaymentConfirmationDto,
  type PaymentNoticeDto,
  type Principal,
  Role,
  dayNumber,
  startOfShanghaiDay,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { Paging } from '../../platform/http/paging.js';
import { Outbox } from '../../platform/outbox/outbox.js';
import { CaseLedger } from '../acceptance/acceptance.module.js';
import { FeeAccess } from './fee-access.js';
import { FeePaymentEntity, PaymentNoticeEntity } from './fees.entities.js';
import { FeeErrors } from './fees.exception.js';
import { PaymentNoticeService } from './payment-notice.service.js';
import { ReceiptService } from './receipt.service.js';

/** A bank may report a payment a little ahead of our clock (its own clock's drift), not more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The collecting bank's side (代收银行): it looks a notice up by its payment code and confirms the payment. A
 * confirmation takes the notice's row lock (after the case's, as every path), so of two at once one pays and the
 * other meets a settled notice; the same bank transaction again is answered with the payment it made, never a second.
 */
@Injectable()
export class PaymentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly notices: PaymentNoticeService,
    private readonly receipts: ReceiptService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  private code(text: string): string {
    const code = normalizePaymentCode(text);
    if (!isValidPaymentCode(code)) throw FeeErrors.codeInvalid();
    return code;
  }

  async lookup(p: Principal, paymentCode: string): Promise<BankNoticeDto> {
    FeeAccess.act(p, '', Role.CASHIER, Role.FINANCE);
    const n = await this.dataSource.manager.findOneBy(PaymentNoticeEntity, { paymentCode: this.code(paymentCode) });
    if (!n) throw FeeErrors.noticeNotFound();
    return {
      paymentCode: n.paymentCode,
      state: n.state,
      payerName: n.payerName,
      departmentName: n.departmentName,
      totalFen: Number(n.totalFen),
      dueDate: n.dueDate,
      items: n.items.map((l) => ({ name: l.name, amountFen: l.amountFen })),
    };
  }

  async confirm(actor: RequestActor, dto: ConfirmPaymentRequest): Promise<PaymentConfirmationDto> {
    const p = actor.principal!;
    FeeAccess.act(p, '', Role.CASHIER);
    const code = this.code(dto.paymentCode);
    const paidAt = new Date(dto.paidAt);
    const now = this.clock.now();
    if (paidAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw FeeErrors.paidInFuture();
    const found = await this.dataSource.manager.findOne(PaymentNoticeEntity, {
      where: { paymentCode: code },
      select: { id: true, caseId: true },
    });
    if (!found) throw FeeErrors.noticeNotFound();
    const txn = dto.bankTransactionId.trim();
    return this.ledger.change(found.caseId, async (m) => {
      const n = await this.notices.lockNotice(m, found.id);
      const earlier = await m.findOneBy(FeePaymentEntity, { bankTransactionId: txn });
      if (earlier) {
        // The same transaction reported again (a retry without its key): the payment it made, nothing new.
        if (earlier.noticeId !== n.id || Number(earlier.amountFen) !== dto.amountFen) throw FeeErrors.bankTxnReused();
        return this.answer(m, n);
      }
      if (n.state === 'ISSUED' && dto.amountFen !== Number(n.totalFen))
        throw FeeErrors.amountMismatch(Number(n.totalFen));
      this.notices.transition(n, 'PAY');
      await m.save(n);
      const payment = await m.save(
        m.create(FeePaymentEntity, {
          noticeId: n.id,
          amountFen: dto.amountFen,
          bankTransactionId: txn,
          confirmedById: p.id,
          bankName: p.name,
          channel: dto.channel,
          paidAt,
          confirmedAt: now,
        }),
      );
      const receipt = await this.receipts.issueIn(m, actor, payment.id);
      Outbox.add(m, {
        type: 'payment.confirmed',
        caseId: n.caseId,
        departmentId: n.departmentId,
        occurredAt: now,
        data: {
          noticeId: n.id,
          paymentCode: n.paymentCode,
          amountFen: dto.amountFen,
          bankTransactionId: txn,
          channel: dto.channel,
          paidAt: paidAt.toISOString(),
          receiptNo: receipt.receiptNo,
        },
      });
      await this.audit.record(m, actor, {
        action: 'fees.payment_confirmed',
        targetType: 'payment_notice',
        targetId: n.id,
        summary: {
          caseId: n.caseId,
          paymentCode: n.paymentCode,
          amountFen: dto.amountFen,
          bankTransactionId: txn,
          channel: dto.channel,
          paidAt: paidAt.toISOString(),
          receiptNo: receipt.receiptNo,
        },
      });
      return this.answer(m, n);
    });
  }

  private async answer(m: EntityManager, n: PaymentNoticeEntity): Promise<PaymentConfirmationDto> {
    const [dto] = await this.notices.toDtos(m, [n]);
    return { paymentCode: n.paymentCode, noticeState: n.state, payment: dto.payment! };
  }

  /** The payments confirmed on a Shanghai day (the counter's and the finance office's day list). */
  async day(p: Principal, date: string, q: { page?: number; pageSize?: number }): Promise<Page<PaymentNoticeDto>> {
    FeeAccess.act(
      p,
      p.departmentId ?? '',
      Role.CASHIER,
      Role.FINANCE,
      Role.CENTER_ADMIN,
      Role.SUPERVISOR,
      Role.DEPT_LEAD,
      Role.CLERK,
      Role.APPROVER,
    );
    const paging = Paging.of(q);
    const m = this.dataSource.manager;
    const from = startOfShanghaiDay(dayNumber(date));
    const to = startOfShanghaiDay(dayNumber(date) + 1);
    const qb = m
      .createQueryBuilder(PaymentNoticeEntity, 'n')
      .innerJoin(FeePaymentEntity, 'fp', 'fp.notice_id = n.id')
      .where('fp.confirmed_at >= :from AND fp.confirmed_at < :to', { from, to })
      .orderBy('fp.confirmed_at', 'DESC')
      .addOrderBy('n.id');
    if (!FeeAccess.wide(p)) qb.andWhere('n.department_id = :dept', { dept: p.departmentId });
    const [rows, total] = await qb.skip(paging.offset).take(paging.pageSize).getManyAndCount();
    return paging.of(await this.notices.toDtos(m, rows), total);
  }
}
