import type { FeeItemDto } from '../dto/fees.js';

/**
 * 统一收费 (DOMAIN.md §5): a case's fees assessed onto one payment notice (一票收费), paid at the bank, confirmed by the
 * bank's system, receipted from a registered receipt book, reconciled with the bank's statement. Money is integer fen.
 */

/** A payment notice's life. A waiver or a correction cancels it and issues its successor; the old one stays. */
export const NoticeState = { ISSUED: 'ISSUED', PAID: 'PAID', WAIVED: 'WAIVED', CANCELLED: 'CANCELLED' } as const;
export type NoticeState = (typeof NoticeState)[keyof typeof NoticeState];
export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  ISSUED: '待缴费',
  PAID: '已缴费',
  WAIVED: '已减免',
  CANCELLED: '已作废',
};
export type NoticeAction = 'PAY' | 'CANCEL';
export const NOTICE_TRANSITIONS: Record<NoticeState, Partial<Record<NoticeAction, NoticeState>>> = {
  ISSUED: { PAY: 'PAID', CANCEL: 'CANCELLED' },
  PAID: {},
  WAIVED: {},
  CANCELLED: {},
};
export const noticeNext = (state: NoticeState, action: NoticeAction): NoticeState | null =>
  NOTICE_TRANSITIONS[state][action] ?? null;
/** A notice in one of these states is the case's notice in force (one per case). */
export const LIVE_NOTICE_STATES: readonly NoticeState[] = ['ISSUED', 'PAID', 'WAIVED'];

/** How the money came: the bank's online payment, or its counter (the bank window in the hall). */
export const PaymentChannel = { ONLINE: 'ONLINE', COUNTER: 'COUNTER' } as const;
export type PaymentChannel = (typeof PaymentChannel)[keyof typeof PaymentChannel];
export const PAYMENT_CHANNEL_LABELS: Record<PaymentChannel, string> = { ONLINE: '网上缴费', COUNTER: '银行柜台' };

/** 减免 before payment, 退费 after: each its own record, approved by a second person. */
export const AdjustmentKind = { WAIVER: 'WAIVER', REFUND: 'REFUND' } as const;
export type AdjustmentKind = (typeof AdjustmentKind)[keyof typeof AdjustmentKind];
export const ADJUSTMENT_KIND_LABELS: Record<AdjustmentKind, string> = { WAIVER: '减免', REFUND: '退费' };
export const AdjustmentState = { REQUESTED: 'REQUESTED', APPROVED: 'APPROVED', REJECTED: 'REJECTED' } as const;
export type AdjustmentState = (typeof AdjustmentState)[keyof typeof AdjustmentState];
export const ADJUSTMENT_STATE_LABELS: Record<AdjustmentState, string> = {
  REQUESTED: '待审批',
  APPROVED: '已批准',
  REJECTED: '未批准',
};
export type AdjustmentAction = 'APPROVE' | 'REJECT';
export const ADJUSTMENT_TRANSITIONS: Record<AdjustmentState, Partial<Record<AdjustmentAction, AdjustmentState>>> = {
  REQUESTED: { APPROVE: 'APPROVED', REJECT: 'REJECTED' },
  APPROVED: {},
  REJECTED: {},
};

/** A receipt number: issued for a payment, voided later (reason, who), or spoiled blank (作废空白票). */
export const ReceiptState = { ISSUED: 'ISSUED', VOIDED: 'VOIDED', SPOILED: 'SPOILED' } as const;
export type ReceiptState = (typeof ReceiptState)[keyof typeof ReceiptState];
export const RECEIPT_STATE_LABELS: Record<ReceiptState, string> = {
  ISSUED: '已开具',
  VOIDED: '已作废',
  SPOILED: '空白作废',
};

/** What reconciling a day's bank statement finds for a transaction. */
export const DifferenceKind = {
  BANK_ONLY: 'BANK_ONLY',
  LOCAL_ONLY: 'LOCAL_ONLY',
  AMOUNT_MISMATCH: 'AMOUNT_MISMATCH',
  DATE_MISMATCH: 'DATE_MISMATCH',
} as const;
export type DifferenceKind = (typeof DifferenceKind)[keyof typeof DifferenceKind];
export const DIFFERENCE_KIND_LABELS: Record<DifferenceKind, string> = {
  BANK_ONLY: '银行有、本系统无',
  LOCAL_ONLY: '本系统有、银行无',
  AMOUNT_MISMATCH: '金额不符',
  DATE_MISMATCH: '日期不符',
};

export interface AssessFeeLine {
  /** A fee item of the case's matter version. */
  code: string;
  /** How many (1 for a fixed fee; the count of units for a unit price). */
  quantity: number;
  /** The amount charged for the line, in fen: at most the standard times the quantity. */
  amountFen: number;
}

export interface AssessFeesRequest {
  items: AssessFeeLine[];
  /** Working days to pay (default 15). */
  dueWorkingDays?: number;
}

export interface NoticeLineDto {
  code: string;
  name: string;
  legalBasis: string;
  /** The standard as printed: "80.00 元", "10.00 元 / 本". */
  standard: string;
  quantity: number;
  unitName: string | null;
  amountFen: number;
}

export interface ReceiptDto {
  id: string;
  receiptNo: string;
  series: string;
  number: number;
  state: ReceiptState;
  payerName: string;
  totalFen: number;
  totalCapital: string;
  issuedAt: string;
  /** Printed on the receipt; anyone holding it can check it on the public page. */
  verificationCode: string;
  voidedAt: string | null;
  voidReason: string | null;
  voidedByName: string | null;
}

export interface PaymentDto {
  id: string;
  noticeId: string;
  amountFen: number;
  bankTransactionId: string;
  bankName: string;
  channel: PaymentChannel;
  /** When the bank says it was paid. */
  paidAt: string;
  /** When the confirmation reached us (the record's own time). */
  confirmedAt: string;
  refundedFen: number;
  receipt: ReceiptDto | null;
}

export interface PaymentNoticeDto {
  id: string;
  caseId: string;
  caseNo: string | null;
  receiptNo: string;
  matterName: string;
  departmentId: string;
  departmentName: string;
  paymentCode: string;
  payerName: string;
  items: NoticeLineDto[];
  /** The items' sum before any waiver. */
  grossFen: number;
  waivedFen: number;
  /** What the bank must collect: gross less waivers. */
  totalFen: number;
  totalCapital: string;
  dueDate: string;
  state: NoticeState;
  issuedAt: string;
  issuedByName: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  cancelledByName: string | null;
  /** The notice this one replaced (a correction or a waiver). */
  replacesId: string | null;
  /** Where the applicant pays online (the collecting bank's page), when the center has one. */
  payUrl: string | null;
  payment: PaymentDto | null;
}

export interface FeeAdjustmentDto {
  id: string;
  kind: AdjustmentKind;
  caseId: string;
  noticeId: string;
  paymentId: string | null;
  amountFen: number;
  reason: string;
  basis: string;
  state: AdjustmentState;
  requestedAt: string;
  requestedByName: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
}

export interface CaseFeesDto {
  caseId: string;
  /** The version lists fee items: the case may be assessed. */
  chargeable: boolean;
  /** The fee items of the case's matter version, with their standards. */
  feeItems: FeeItemDto[];
  /** Newest first; the first live one is in force. */
  notices: PaymentNoticeDto[];
  adjustments: FeeAdjustmentDto[];
  /** Unpaid on the notice in force (0 when none or settled). */
  dueFen: number;
  /** Nothing stands in the way of delivery. */
  settled: boolean;
}

export interface CancelNoticeRequest {
  reason: string;
}

export interface RequestAdjustmentRequest {
  kind: AdjustmentKind;
  amountFen: number;
  reason: string;
  /** The legal or policy basis (减免/退费依据). */
  basis: string;
}

export interface DecideAdjustmentRequest {
  approve: boolean;
  note?: string;
}

/** What the bank sees of a notice when it looks the code up. */
export interface BankNoticeDto {
  paymentCode: string;
  state: NoticeState;
  payerName: string;
  departmentName: string;
  totalFen: number;
  dueDate: string;
  items: { name: string; amountFen: number }[];
}

export interface ConfirmPaymentRequest {
  paymentCode: string;
  amountFen: number;
  /** The bank's own transaction id: one payment per id, whatever the Idempotency-Key. */
  bankTransactionId: string;
  /** When the bank took the money. */
  paidAt: string;
  channel: PaymentChannel;
}

export interface PaymentConfirmationDto {
  paymentCode: string;
  noticeState: NoticeState;
  payment: PaymentDto;
}

export interface RegisterReceiptBookRequest {
  /** 票据代码 / series, e.g. "浙财非税（2026）". */
  series: string;
  firstNo: number;
  lastNo: number;
  /** The day the finance bureau issued the book to the center. */
  issuedOn: string;
}

export interface ReceiptBookDto {
  id: string;
  series: string;
  firstNo: number;
  lastNo: number;
  nextNo: number;
  issuedOn: string;
  registeredAt: string;
  registeredByName: string;
  issued: number;
  voided: number;
  spoiled: number;
  remaining: number;
}

export interface ReceiptBookUsageDto {
  book: ReceiptBookDto;
  receipts: ReceiptDto[];
}

export interface VoidReceiptRequest {
  reason: string;
}

/** The public check of a receipt (no login): what the receipt should say, if it is genuine. */
export interface ReceiptCheckDto {
  receiptNo: string;
  state: ReceiptState;
  payerName: string;
  departmentName: string;
  matterName: string;
  totalFen: number;
  totalCapital: string;
  issuedAt: string;
  items: { name: string; amountFen: number }[];
}

/** Which column of the bank's statement holds what (header text, as the bank writes it). */
export interface StatementMapping {
  bankTransactionId: string;
  amount: string;
  paidAt: string;
  paymentCode?: string;
}
export const DEFAULT_STATEMENT_MAPPING: StatementMapping = {
  bankTransactionId: '交易流水号',
  amount: '交易金额',
  paidAt: '交易时间',
  paymentCode: '缴款码',
};

export interface ReconciliationDto {
  id: string;
  statementDate: string;
  fileName: string;
  importedAt: string;
  importedByName: string;
  bankLines: number;
  bankTotalFen: number;
  localPayments: number;
  localTotalFen: number;
  matched: number;
  differences: Record<DifferenceKind, number>;
  unresolved: number;
}

export interface ReconciliationItemDto {
  id: string;
  kind: DifferenceKind;
  bankTransactionId: string;
  paymentCode: string | null;
  bankAmountFen: number | null;
  localAmountFen: number | null;
  bankPaidAt: string | null;
  localPaidAt: string | null;
  resolvedAt: string | null;
  resolvedByName: string | null;
  resolutionNote: string | null;
}

export interface ResolveDifferenceRequest {
  note: string;
}

export const FeeTotalsGroup = { DEPARTMENT: 'DEPARTMENT', ITEM: 'ITEM', CHANNEL: 'CHANNEL' } as const;
export type FeeTotalsGroup = (typeof FeeTotalsGroup)[keyof typeof FeeTotalsGroup];

export interface FeeTotalsRow {
  /** The day (YYYY-MM-DD) or month (YYYY-MM). */
  period: string;
  key: string;
  label: string;
  payments: number;
  collectedFen: number;
  refundedFen: number;
}

export interface FeeTotalsDto {
  from: string;
  to: string;
  by: FeeTotalsGroup;
  period: 'DAY' | 'MONTH';
  rows: FeeTotalsRow[];
  collectedFen: number;
  refundedFen: number;
}
