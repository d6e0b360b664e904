import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type AssessFeesRequest,
  capitalAmount,
  type CaseFeesDto,
  CardReason,
  dateOfDay,
  type FeeItemDto,
  formatDeadline,
  formatFeeStandard,
  formatFen,
  formatPaymentCode,
  isValidPaymentCode,
  LIVE_NOTICE_STATES,
  NOTICE_STATE_LABELS,
  type NoticeAction,
  noticeNext,
  type NoticeLineDto,
  normalizePaymentCode,
  type Page,
  paymentCodeOf,
  type PaymentNoticeDto,
  type Principal,
  Role,
  shanghaiDay,
} from '@onewindow/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { PdfRenderer } from '../../platform/documents/pdf-renderer.js';
import { DomainException } from '../../platform/errors/domain.exception.js';
import { Paging } from '../../platform/http/paging.js';
import { Outbox } from '../../platform/outbox/outbox.js';
import { CaseLedger, CaseQueryService } from '../acceptance/acceptance.module.js';
import type { CaseEntity } from '../acceptance/acceptance.module.js';
import { CalendarService } from '../calendar/calendar.module.js';
import { FeeCatalogService, PublicCatalogService } from '../catalog/catalog.module.js';
import { DepartmentService } from '../organization/organization.module.js';
import { CardService } from '../supervision/supervision.module.js';
import { FeeAccess } from './fee-access.js';
import { FeeAdjustmentEntity, FeePaymentEntity, FeeReceiptEntity, PaymentNoticeEntity } from './fees.entities.js';
import { FeeErrors } from './fees.exception.js';
import { toAdjustmentDto, toPaymentDto } from './fees.mappers.js';

/** Case states in which fees may be assessed: received, not yet concluded (a refusal or withdrawal charges nothing). */
const ASSESSABLE = new Set(['SUBMITTED', 'SUPPLEMENT_REQUIRED', 'IN_REVIEW', 'SUSPENDED', 'FORWARDED', 'APPROVED']);

/** An unlawful assessment: refused, and carded 违规收费 once its refusal has rolled back. */
class FeeViolation extends Error {
  constructor(
    readonly refusal: DomainException,
    readonly caseId: string,
    readonly departmentId: string,
  ) {
    super(refusal.message);
  }
}

export interface NoticeQuery {
  paymentCode?: string;
  caseNo?: string;
  page?: number;
  pageSize?: number;
}

/**
 * 核定 and 缴款通知书: a case's fees, checked against its matter version's fee items and their standards, on one
 * notice with an unguessable payment code and a due date in working days. A notice in force stands in the way of
 * delivery until it is paid (or waived in full).
 */
@Injectable()
export class PaymentNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly cases: CaseQueryService,
    private readonly catalog: PublicCatalogService,
    private readonly feeCatalog: FeeCatalogService,
    private readonly calendar: CalendarService,
    private readonly departments: DepartmentService,
    private readonly cards: CardService,
    private readonly audit: AuditService,
    private readonly pdf: PdfRenderer,
    private readonly clock: PlatformClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The fee items of the case's version (what may be charged, at which standard). */
  private async versionItems(c: CaseEntity, m: EntityManager): Promise<FeeItemDto[]> {
    const content = await this.catalog.versionContent(c.matterCode, c.matterVersionNo, m);
    return this.feeCatalog.items(content.feeItemCodes, m);
  }

  async caseFees(p: Principal, caseId: string): Promise<CaseFeesDto> {
    const m = this.dataSource.manager;
    const c = await this.cases.entity(caseId);
    FeeAccess.read(p, c);
    const feeItems = await this.versionItems(c, m);
    const notices = await this.toDtos(
      m,
      await m.find(PaymentNoticeEntity, { where: { caseId }, order: { issuedAt: 'DESC', createdAt: 'DESC' } }),
    );
    const adjustments = await m.find(FeeAdjustmentEntity, { where: { caseId }, order: { requestedAt: 'DESC' } });
    const live = notices.find((n) => LIVE_NOTICE_STATES.includes(n.state));
    return {
      caseId,
      chargeable: feeItems.length > 0,
      feeItems,
      notices,
      adjustments: adjustments.map(toAdjustmentDto),
      dueFen: live?.state === 'ISSUED' ? live.totalFen : 0,
      settled: live?.state !== 'ISSUED',
    };
  }

  async assess(actor: RequestActor, caseId: string, dto: AssessFeesRequest): Promise<PaymentNoticeDto> {
    try {
      return await this.ledger.change(caseId, async (m, c) => {
        FeeAccess.act(actor.principal, c.departmentId, Role.CLERK, Role.APPROVER);
        if (!ASSESSABLE.has(c.state)) throw FeeErrors.caseState();
        const allowed = await this.versionItems(c, m);
        if (!allowed.length) throw FeeErrors.notChargeable();
        const lines = this.check(c, dto, allowed);
        if (await m.existsBy(PaymentNoticeEntity, { caseId, state: In([...LIVE_NOTICE_STATES]) }))
          throw FeeErrors.noticeExists();
        const n = await this.issueIn(m, actor, c, lines, {
          waivedFen: 0,
          dueWorkingDays: dto.dueWorkingDays ?? this.config.fees.dueWorkingDays,
          replacesId: null,
        });
        return (await this.toDtos(m, [n]))[0];
      });
    } catch (e) {
      if (!(e instanceof FeeViolation)) throw e;
      await this.card(e.caseId, e.departmentId);
      throw e.refusal;
    }
  }

  /** Every line against the version's items and their standards; an unlawful one is a violation. */
  private check(c: CaseEntity, dto: AssessFeesRequest, allowed: FeeItemDto[]): NoticeLineDto[] {
    const byCode = new Map(allowed.map((f) => [f.code, f]));
    const seen = new Set<string>();
    const violation = (e: DomainException) => new FeeViolation(e, c.id, c.departmentId);
    return dto.items.map((line, i) => {
      const path = `items.${i}`;
      const f = byCode.get(line.code);
      if (!f) throw violation(FeeErrors.notOnVersion(`${path}.code`, line.code));
      if (!f.active || !f.legalBasis.trim()) throw violation(FeeErrors.noLegalBasis(`${path}.code`, line.code));
      if (seen.has(f.code)) throw FeeErrors.duplicateItem(`${path}.code`, f.code);
      seen.add(f.code);
      const unit =
        f.standardKind === 'FIXED' ? f.amountFen! : f.standardKind === 'UNIT_PRICE' ? f.unitPriceFen! : f.maxFen!;
      const floorUnit = f.standardKind === 'RANGE' ? f.minFen! : unit;
      const cap = unit * line.quantity;
      if (line.amountFen > cap) throw violation(FeeErrors.aboveStandard(`${path}.amountFen`, f.name, cap));
      if (line.amountFen < floorUnit * line.quantity)
        throw FeeErrors.belowStandard(`${path}.amountFen`, f.name, floorUnit * line.quantity);
      return {
        code: f.code,
        name: f.name,
        legalBasis: f.legalBasis,
        standard: formatFeeStandard(f),
        quantity: line.quantity,
        unitName: f.unitName,
        amountFen: line.amountFen,
      };
    });
  }

  /** 违规收费: a RED card for the department at the moment of the attempt, once per case (a repeat is on record already). */
  private async card(caseId: string, departmentId: string): Promise<void> {
    await this.dataSource.transaction((m) =>
      this.cards.violation(m, { reason: CardReason.ILLEGAL_FEE, caseId, departmentId, crossedAt: this.clock.now() }),
    );
  }

  /** Issues a notice for the locked case in the caller's transaction (an assessment, or a waiver's successor). */
  async issueIn(
    m: EntityManager,
    actor: RequestActor,
    c: CaseEntity,
    items: NoticeLineDto[],
    o: { waivedFen: number; dueWorkingDays: number; replacesId: string | null },
  ): Promise<PaymentNoticeEntity> {
    const now = this.clock.now();
    const gross = items.reduce((s, l) => s + l.amountFen, 0);
    const cal = await this.calendar.calendar(m);
    const due = this.calendar.guard(() => cal.addWorkingDays(shanghaiDay(now), o.dueWorkingDays));
    const dept = await this.departments.require(m, c.departmentId);
    const n = await m.save(
      m.create(PaymentNoticeEntity, {
        caseId: c.id,
        departmentId: c.departmentId,
        departmentName: dept.name,
        matterName: c.matterName,
        receiptNo: c.receiptNo ?? '',
        caseNo: c.caseNo,
        paymentCode: this.newCode(),
        payerName: c.applicantName,
        items,
        grossFen: gross,
        waivedFen: o.waivedFen,
        totalFen: gross - o.waivedFen,
        dueDate: dateOfDay(due),
        state: gross - o.waivedFen === 0 ? 'WAIVED' : 'ISSUED',
        issuedAt: now,
        issuedByName: actor.principal?.name ?? '系统',
        cancelledAt: null,
        cancelReason: null,
        cancelledByName: null,
        replacesId: o.replacesId,
        createdAt: now,
        updatedAt: now,
      }),
    );
    Outbox.add(m, {
      type: n.state === 'WAIVED' ? 'payment.waived' : 'payment.issued',
      caseId: c.id,
      departmentId: c.departmentId,
      occurredAt: now,
      data: { noticeId: n.id, paymentCode: n.paymentCode, totalFen: Number(n.totalFen), dueDate: n.dueDate },
    });
    await this.audit.record(m, actor, {
      action: 'fees.notice_issued',
      targetType: 'payment_notice',
      targetId: n.id,
      summary: {
        caseId: c.id,
        paymentCode: n.paymentCode,
        items: items.map((l) => ({ code: l.code, quantity: l.quantity, amountFen: l.amountFen })),
        grossFen: gross,
        waivedFen: o.waivedFen,
        replacesId: o.replacesId,
      },
    });
    return n;
  }

  private newCode(): string {
    let random = '';
    for (let i = 0; i < 13; i++) random += String(randomInt(10));
    return paymentCodeOf(this.config.fees.regionCode, random);
  }

  async cancel(actor: RequestActor, noticeId: string, reason: string): Promise<PaymentNoticeDto> {
    const caseId = await this.caseOf(noticeId);
    return this.ledger.change(caseId, async (m) => {
      const n = await this.lockNotice(m, noticeId);
      FeeAccess.act(actor.principal, n.departmentId, Role.CLERK, Role.APPROVER, Role.CASHIER);
      this.cancelIn(m, actor, n, reason.trim(), 'CANCEL');
      await m.save(n);
      await this.audit.record(m, actor, {
        action: 'fees.notice_cancelled',
        targetType: 'payment_notice',
        targetId: n.id,
        summary: { caseId, reason: n.cancelReason },
      });
      return (await this.toDtos(m, [n]))[0];
    });
  }

  /** Moves the locked notice by the state machine; a refused move names the notice's state. */
  transition(n: PaymentNoticeEntity, action: NoticeAction): void {
    const next = noticeNext(n.state, action);
    if (!next) {
      if (action === 'PAY' && n.state === 'CANCELLED') throw FeeErrors.cancelled();
      if (action === 'PAY') throw FeeErrors.settled();
      throw FeeErrors.noticeState(NOTICE_STATE_LABELS[n.state]);
    }
    n.state = next;
    n.updatedAt = this.clock.now();
  }

  /** Cancels the locked notice in the caller's transaction (its successor, if any, is issued by the caller). */
  cancelIn(m: EntityManager, actor: RequestActor, n: PaymentNoticeEntity, reason: string, action: NoticeAction): void {
    this.transition(n, action);
    Object.assign(n, {
      cancelledAt: this.clock.now(),
      cancelReason: reason,
      cancelledByName: actor.principal?.name ?? '系统',
    });
    Outbox.add(m, {
      type: 'payment.cancelled',
      caseId: n.caseId,
      departmentId: n.departmentId,
      occurredAt: n.cancelledAt!,
      data: { noticeId: n.id, paymentCode: n.paymentCode, reason },
    });
  }

  async caseOf(noticeId: string): Promise<string> {
    const n = await this.dataSource.manager.findOne(PaymentNoticeEntity, {
      where: { id: noticeId },
      select: { id: true, caseId: true },
    });
    if (!n) throw FeeErrors.noticeNotFound();
    return n.caseId;
  }

  async lockNotice(m: EntityManager, id: string): Promise<PaymentNoticeEntity> {
    const n = await m.findOne(PaymentNoticeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!n) throw FeeErrors.noticeNotFound();
    return n;
  }

  /** The delivery guard: a notice in force and unpaid stops the case from concluding (409 FEES_UNPAID). */
  async concluding(m: EntityManager, c: CaseEntity): Promise<void> {
    const n = await m.findOne(PaymentNoticeEntity, { where: { caseId: c.id, state: 'ISSUED' } });
    if (n) throw FeeErrors.unpaid(Number(n.totalFen), n.paymentCode);
  }

  /** The counter's search: by payment code, or by a case's receipt or case number. */
  async search(p: Principal, q: NoticeQuery): Promise<Page<PaymentNoticeDto>> {
    const paging = Paging.of(q);
    const m = this.dataSource.manager;
    const qb = m.createQueryBuilder(PaymentNoticeEntity, 'n').orderBy('n.issued_at', 'DESC').addOrderBy('n.id');
    if (q.paymentCode?.trim()) {
      const code = normalizePaymentCode(q.paymentCode);
      if (!isValidPaymentCode(code)) throw FeeErrors.codeInvalid();
      qb.andWhere('n.payment_code = :code', { code });
    }
    if (q.caseNo?.trim()) qb.andWhere('(n.case_no = :no OR n.receipt_no = :no)', { no: q.caseNo.trim() });
    if (!FeeAccess.wide(p)) qb.andWhere('n.department_id = :dept', { dept: p.departmentId });
    const [rows, total] = await qb.skip(paging.offset).take(paging.pageSize).getManyAndCount();
    return paging.of(await this.toDtos(m, rows), total);
  }

  async notice(p: Principal, id: string): Promise<PaymentNoticeEntity> {
    const m = this.dataSource.manager;
    const n = await m.findOneBy(PaymentNoticeEntity, { id });
    if (!n) throw FeeErrors.noticeNotFound();
    FeeAccess.read(p, await this.cases.entity(n.caseId));
    return n;
  }

  async noticePdf(p: Principal, id: string): Promise<{ fileName: string; pdf: Buffer }> {
    const n = await this.notice(p, id);
    const payUrl = this.payUrl(n.paymentCode);
    const pdf = await this.pdf.render({
      title: '非税收入缴款通知书',
      reference: `缴款码 ${formatPaymentCode(n.paymentCode)}`,
      issuer: `${n.departmentName}（执收单位） · 政务服务中心统一收费`,
      sections: [
        {
          rows: [
            ['缴款人', n.payerName],
            ['办理事项', n.matterName],
            ['收件编号', n.caseNo ? `${n.receiptNo}（办件编号 ${n.caseNo}）` : n.receiptNo],
            ['缴款码', formatPaymentCode(n.paymentCode)],
            ['状态', NOTICE_STATE_LABELS[n.state]],
          ],
        },
        {
          heading: '收费项目',
          table: {
            columns: ['项目', '收费依据', '标准', '数量', '金额（元）'],
            widths: [110, 170, 80, 40, 70],
            rows: n.items.map((l) => [
              l.name,
              l.legalBasis,
              l.standard,
              `${l.quantity}${l.unitName ?? ''}`,
              formatFen(l.amountFen).replace(' 元', ''),
            ]),
          },
        },
        {
          rows: [
            ...(Number(n.waivedFen) > 0 ? [['减免', formatFen(Number(n.waivedFen))] as [string, string]] : []),
            ['应缴金额（小写）', formatFen(Number(n.totalFen))],
            ['应缴金额（大写）', capitalAmount(Number(n.totalFen))],
            ['缴款期限', `${n.dueDate} 前（${this.config.fees.dueWorkingDays} 个工作日内）`],
            ['开具时间', formatDeadline(n.issuedAt)],
            ['开具人', n.issuedByName],
          ],
        },
        {
          heading: '缴款方式',
          list: [
            '持本通知书到政务服务中心银行代收窗口，或任一代收银行网点，凭缴款码缴款；',
            '或登录政务服务网，在“我的办件”中打开本件，点击“去缴费”网上缴款；',
            '缴款成功后自动开具电子非税收入票据，可在办件页面下载，并凭票据号码和校验码在网上查验真伪。',
          ],
        },
      ],
      qr: payUrl
        ? { url: payUrl, caption: '扫码网上缴款：' }
        : { url: `${this.config.http.publicUrl}/receipts/verify`, caption: '缴款后凭票据号码和校验码查验票据：' },
      footer: `本通知书依法收取行政事业性收费，收费项目和标准以公示的收费目录为准；无依据收费请拨打 ${this.config.center.complaintPhone} 投诉。`,
    });
    return { fileName: `缴款通知书-${n.paymentCode}.pdf`, pdf };
  }

  payUrl(code: string): string | null {
    return this.config.fees.payUrl?.replace('{code}', encodeURIComponent(code)) ?? null;
  }

  /** Notices as the API shows them, with their payment and its receipt in force. */
  async toDtos(m: EntityManager, rows: PaymentNoticeEntity[]): Promise<PaymentNoticeDto[]> {
    if (!rows.length) return [];
    const payments = await m.find(FeePaymentEntity, { where: { noticeId: In(rows.map((n) => n.id)) } });
    const receipts = payments.length
      ? await m.find(FeeReceiptEntity, {
          where: { paymentId: In(payments.map((p) => p.id)), state: 'ISSUED' },
        })
      : [];
    const refunds = payments.length
      ? await m.find(FeeAdjustmentEntity, {
          where: { paymentId: In(payments.map((p) => p.id)), kind: 'REFUND', state: 'APPROVED' },
        })
      : [];
    return rows.map((n) => {
      const pay = payments.find((p) => p.noticeId === n.id);
      return {
        id: n.id,
        caseId: n.caseId,
        caseNo: n.caseNo,
        receiptNo: n.receiptNo,
        matterName: n.matterName,
        departmentId: n.departmentId,
        departmentName: n.departmentName,
        paymentCode: n.paymentCode,
        payerName: n.payerName,
        items: n.items,
        grossFen: Number(n.grossFen),
        waivedFen: Number(n.waivedFen),
        totalFen: Number(n.totalFen),
        totalCapital: capitalAmount(Number(n.totalFen)),
        dueDate: n.dueDate,
        state: n.state,
        issuedAt: n.issuedAt.toISOString(),
        issuedByName: n.issuedByName,
        cancelledAt: n.cancelledAt?.toISOString() ?? null,
        cancelReason: n.cancelReason,
        cancelledByName: n.cancelledByName,
        replacesId: n.replacesId,
        payUrl: n.state === 'ISSUED' ? this.payUrl(n.paymentCode) : null,
        payment: pay
          ? toPaymentDto(
              pay,
              receipts.find((r) => r.paymentId === pay.id) ?? null,
              refunds.filter((r) => r.paymentId === pay.id).reduce((s, r) => s + Number(r.amountFen), 0),
              n.payerName,
            )
          : null,
      };
    });
  }
}
