import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  capitalAmount,
  formatDeadline,
  formatFen,
  formatPaymentCode,
  maskName,
  PAYMENT_CHANNEL_LABELS,
  type Principal,
  type ReceiptBookDto,
  type ReceiptBookUsageDto,
  type ReceiptCheckDto,
  type RegisterReceiptBookRequest,
} from '@onewindow/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { PdfRenderer } from '../../platform/documents/pdf-renderer.js';
import { CaseQueryService } from '../acceptance/acceptance.module.js';
import { FeeAccess } from './fee-access.js';
import { FeePaymentEntity, FeeReceiptEntity, PaymentNoticeEntity, ReceiptBookEntity } from './fees.entities.js';
import { FeeErrors } from './fees.exception.js';
import { toReceiptDto } from './fees.mappers.js';

/** Unambiguous characters for verification codes (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const NUMBER_DIGITS = 8;

/**
 * 财政票据: receipt books registered by the finance office, numbers taken in order with no gap (the number is taken
 * in the payment's own transaction, so a confirmation that rolls back gives it back), voided or spoiled numbers kept
 * with reason and who, the electronic receipt as a PDF, and its public check.
 */
@Injectable()
export class ReceiptService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseQueryService,
    private readonly audit: AuditService,
    private readonly pdf: PdfRenderer,
    private readonly clock: PlatformClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async registerBook(actor: RequestActor, dto: RegisterReceiptBookRequest): Promise<ReceiptBookDto> {
    if (dto.lastNo < dto.firstNo) throw FeeErrors.bookRange();
    const series = dto.series.trim();
    return this.dataSource.transaction(async (m) => {
      // Books of one series are registered one at a time, so two overlapping ranges cannot both pass the check.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('receipt_book:' || $1))`, [series]);
      const [{ overlap }] = await m.query<{ overlap: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM receipt_book WHERE series = $1 AND first_no <= $3 AND last_no >= $2) AS overlap`,
        [series, dto.firstNo, dto.lastNo],
      );
      if (overlap) throw FeeErrors.bookOverlap();
      const now = this.clock.now();
      const b = await m.save(
        m.create(ReceiptBookEntity, {
          series,
          firstNo: dto.firstNo,
          lastNo: dto.lastNo,
          nextNo: dto.firstNo,
          issuedOn: dto.issuedOn,
          registeredByName: actor.principal!.name,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'fees.receipt_book_registered',
        targetType: 'receipt_book',
        targetId: b.id,
        summary: { series, firstNo: dto.firstNo, lastNo: dto.lastNo, issuedOn: dto.issuedOn },
      });
      return (await this.bookDtos(m, [b]))[0];
    });
  }

  async books(): Promise<ReceiptBookDto[]> {
    const m = this.dataSource.manager;
    return this.bookDtos(m, await m.find(ReceiptBookEntity, { order: { createdAt: 'ASC' } }));
  }

  /** A book's use: every number taken from it, in order, with its state (the 票据使用情况 report). */
  async usage(id: string): Promise<ReceiptBookUsageDto> {
    const m = this.dataSource.manager;
    const b = await m.findOneBy(ReceiptBookEntity, { id });
    if (!b) throw FeeErrors.bookNotFound();
    const receipts = await m.find(FeeReceiptEntity, { where: { bookId: id }, order: { number: 'ASC' } });
    const facts = await this.facts(m, receipts);
    return {
      book: (await this.bookDtos(m, [b]))[0],
      receipts: receipts.map((r) => toReceiptDto(r, facts.get(r.id)?.payer ?? '', facts.get(r.id)?.total ?? 0)),
    };
  }

  private async bookDtos(m: EntityManager, books: ReceiptBookEntity[]): Promise<ReceiptBookDto[]> {
    if (!books.length) return [];
    const counts = await m.query<{ book_id: string; state: string; n: number }[]>(
      `SELECT book_id, state, count(*)::int AS n FROM fee_receipt WHERE book_id = ANY($1) GROUP BY book_id, state`,
      [books.map((b) => b.id)],
    );
    const count = (id: string, state: string) => counts.find((c) => c.book_id === id && c.state === state)?.n ?? 0;
    return books.map((b) => ({
      id: b.id,
      series: b.series,
      firstNo: b.firstNo,
      lastNo: b.lastNo,
      nextNo: b.nextNo,
      issuedOn: b.issuedOn,
      registeredAt: b.createdAt.toISOString(),
      registeredByName: b.registeredByName,
      issued: count(b.id, 'ISSUED'),
      voided: count(b.id, 'VOIDED'),
      spoiled: count(b.id, 'SPOILED'),
      remaining: b.lastNo - b.nextNo + 1,
    }));
  }

  /**
   * The next number of the oldest book with numbers left, in the caller's transaction: the book's row stays locked
   * until it commits, so concurrent confirmations take consecutive numbers and a rollback gives its number back.
   */
  private async nextNumber(m: EntityManager): Promise<{ book: string; number: number; receiptNo: string }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      // A CTE, so the driver answers with the rows (an UPDATE's answer would come with its row count).
      const [row] = await m.query<{ id: string; series: string; number: number }[]>(
        `WITH taken AS (
           UPDATE receipt_book SET next_no = next_no + 1, updated_at = $1, version = version + 1
           WHERE id = (SELECT id FROM receipt_book WHERE next_no <= last_no ORDER BY created_at, id LIMIT 1 FOR UPDATE)
             AND next_no <= last_no
           RETURNING id, series, next_no - 1 AS number)
         SELECT * FROM taken`,
        [this.clock.now()],
      );
      if (row)
        return {
          book: row.id,
          number: row.number,
          receiptNo: `${row.series}${String(row.number).padStart(NUMBER_DIGITS, '0')}`,
        };
      // The book locked was used up meanwhile: take the next one, if any.
      const [{ remaining }] = await m.query<{ remaining: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM receipt_book WHERE next_no <= last_no) AS remaining`,
      );
      if (!remaining) break;
    }
    throw FeeErrors.noReceiptBook();
  }

  /** The receipt of a payment just confirmed (or re-issued after a void), in the payment's transaction. */
  async issueIn(m: EntityManager, actor: RequestActor, paymentId: string): Promise<FeeReceiptEntity> {
    const n = await this.nextNumber(m);
    return m.save(
      m.create(FeeReceiptEntity, {
        bookId: n.book,
        number: n.number,
        receiptNo: n.receiptNo,
        paymentId,
        state: 'ISSUED',
        verificationCode: verificationCode(),
        issuedAt: this.clock.now(),
        issuedByName: actor.principal?.name ?? '系统',
        voidedAt: null,
        voidReason: null,
        voidedByName: null,
      }),
    );
  }

  /** 作废: the number stays on record with reason and who; the payment gets the next number as its receipt. */
  async void(actor: RequestActor, id: string, reason: string) {
    return this.dataSource.transaction(async (m) => {
      const r = await m.findOne(FeeReceiptEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw FeeErrors.receiptNotFound();
      if (r.state !== 'ISSUED') throw FeeErrors.receiptState();
      Object.assign(r, {
        state: 'VOIDED',
        voidedAt: this.clock.now(),
        voidReason: reason.trim(),
        voidedByName: actor.principal!.name,
      });
      await m.save(r);
      const next = await this.issueIn(m, actor, r.paymentId!);
      await this.audit.record(m, actor, {
        action: 'fees.receipt_voided',
        targetType: 'fee_receipt',
        targetId: r.id,
        summary: { receiptNo: r.receiptNo, reason: r.voidReason, reissuedAs: next.receiptNo },
      });
      const facts = await this.facts(m, [r, next]);
      const f = facts.get(r.id)!;
      return { voided: toReceiptDto(r, f.payer, f.total), reissued: toReceiptDto(next, f.payer, f.total) };
    });
  }

  /** 空白作废: the next blank number spoiled (a misprint, a jammed printer), kept with reason and who. */
  async spoil(actor: RequestActor, reason: string) {
    return this.dataSource.transaction(async (m) => {
      const n = await this.nextNumber(m);
      const now = this.clock.now();
      const r = await m.save(
        m.create(FeeReceiptEntity, {
          bookId: n.book,
          number: n.number,
          receiptNo: n.receiptNo,
          paymentId: null,
          state: 'SPOILED',
          verificationCode: verificationCode(),
          issuedAt: now,
          issuedByName: actor.principal!.name,
          voidedAt: now,
          voidReason: reason.trim(),
          voidedByName: actor.principal!.name,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'fees.receipt_spoiled',
        targetType: 'fee_receipt',
        targetId: r.id,
        summary: { receiptNo: r.receiptNo, reason: r.voidReason },
      });
      return toReceiptDto(r, '', 0);
    });
  }

  /** Payer and amount of each receipt (through its payment and notice). */
  private async facts(m: EntityManager, receipts: FeeReceiptEntity[]) {
    const out = new Map<
      string,
      { payer: string; total: number; notice: PaymentNoticeEntity; payment: FeePaymentEntity }
    >();
    const ids = receipts.flatMap((r) => (r.paymentId ? [r.paymentId] : []));
    if (!ids.length) return out;
    const payments = await m.find(FeePaymentEntity, { where: { id: In(ids) } });
    const notices = await m.find(PaymentNoticeEntity, { where: { id: In(payments.map((p) => p.noticeId)) } });
    for (const r of receipts) {
      const payment = payments.find((p) => p.id === r.paymentId);
      const notice = payment && notices.find((n) => n.id === payment.noticeId);
      if (payment && notice)
        out.set(r.id, { payer: notice.payerName, total: Number(payment.amountFen), notice, payment });
    }
    return out;
  }

  /** The receipt of a payment the principal may read, as its PDF. */
  async receiptPdf(p: Principal, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    const m = this.dataSource.manager;
    const r = await m.findOneBy(FeeReceiptEntity, { id });
    if (!r?.paymentId) throw FeeErrors.receiptNotFound();
    const f = (await this.facts(m, [r])).get(r.id)!;
    FeeAccess.read(p, await this.cases.entity(f.notice.caseId));
    const verify = `${this.config.http.publicUrl}/receipts/verify?no=${encodeURIComponent(r.receiptNo)}&code=${r.verificationCode}`;
    const pdf = await this.pdf.render({
      title: '非税收入统一票据（电子）',
      reference: `票据号码 ${r.receiptNo}`,
      issuer: `执收单位：${f.notice.departmentName}`,
      sections: [
        {
          rows: [
            ['票据号码', r.receiptNo],
            ['校验码', r.verificationCode],
            ['交款人', f.notice.payerName],
            ['办理事项', `${f.notice.matterName}（${f.notice.caseNo ?? f.notice.receiptNo}）`],
            ['状态', r.state === 'ISSUED' ? '有效' : `已作废（${r.voidReason ?? ''}）`],
          ],
        },
        {
          heading: '收费项目',
          table: {
            columns: ['项目编码', '项目名称', '标准', '数量', '金额（元）'],
            widths: [70, 190, 90, 50, 70],
            rows: f.notice.items.map((l) => [
              l.code,
              l.name,
              l.standard,
              `${l.quantity}${l.unitName ?? ''}`,
              formatFen(l.amountFen).replace(' 元', ''),
            ]),
          },
        },
        {
          rows: [
            ...(Number(f.notice.waivedFen) > 0
              ? [['减免', formatFen(Number(f.notice.waivedFen))] as [string, string]]
              : []),
            ['金额合计（小写）', formatFen(f.total)],
            ['金额合计（大写）', capitalAmount(f.total)],
            ['缴款码', formatPaymentCode(f.notice.paymentCode)],
            ['收款银行', `${f.payment.bankName}（${PAYMENT_CHANNEL_LABELS[f.payment.channel]}）`],
            ['银行交易流水号', f.payment.bankTransactionId],
            ['缴款时间', formatDeadline(f.payment.paidAt)],
            ['开票时间', formatDeadline(r.issuedAt)],
          ],
        },
      ],
      qr: { url: verify, caption: '扫码或访问以下地址，凭票据号码和校验码查验真伪：' },
      footer: `本票据由${this.config.center.name}统一收费系统于银行确认缴款时自动开具，与纸质票据具有同等效力。`,
    });
    return { fileName: `非税收入票据-${r.receiptNo}.pdf`, pdf };
  }

  /** The public check: a receipt number and its verification code; anything else is "not found". */
  async check(receiptNo: string, code: string): Promise<ReceiptCheckDto> {
    const m = this.dataSource.manager;
    const r = await m.findOneBy(FeeReceiptEntity, { receiptNo: receiptNo.trim() });
    if (!r?.paymentId || r.verificationCode !== code.trim().toUpperCase()) throw FeeErrors.receiptNotFound();
    const f = (await this.facts(m, [r])).get(r.id)!;
    return {
      receiptNo: r.receiptNo,
      state: r.state,
      payerName: maskName(f.notice.payerName),
      departmentName: f.notice.departmentName,
      matterName: f.notice.matterName,
      totalFen: f.total,
      totalCapital: capitalAmount(f.total),
      issuedAt: r.issuedAt.toISOString(),
      items: f.notice.items.map((l) => ({ name: l.name, amountFen: l.amountFen })),
    };
  }
}

function verificationCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}
