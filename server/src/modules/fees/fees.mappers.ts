import { capitalAmount, type FeeAdjustmentDto, type PaymentDto, type ReceiptDto } from '@onewindow/shared';
import type { FeeAdjustmentEntity, FeePaymentEntity, FeeReceiptEntity } from './fees.entities.js';

export function toReceiptDto(r: FeeReceiptEntity, payerName: string, totalFen: number): ReceiptDto {
  return {
    id: r.id,
    receiptNo: r.receiptNo,
    series: r.receiptNo.slice(0, r.receiptNo.length - String(r.number).padStart(8, '0').length),
    number: r.number,
    state: r.state,
    payerName,
    totalFen,
    totalCapital: capitalAmount(totalFen),
    issuedAt: r.issuedAt.toISOString(),
    verificationCode: r.verificationCode,
    voidedAt: r.voidedAt?.toISOString() ?? null,
    voidReason: r.voidReason,
    voidedByName: r.voidedByName,
  };
}

export function toPaymentDto(
  p: FeePaymentEntity,
  receipt: FeeReceiptEntity | null,
  refundedFen: number,
  payerName = '',
): PaymentDto {
  return {
    id: p.id,
    noticeId: p.noticeId,
    amountFen: Number(p.amountFen),
    bankTransactionId: p.bankTransactionId,
    bankName: p.bankName,
    channel: p.channel,
    paidAt: p.paidAt.toISOString(),
    confirmedAt: p.confirmedAt.toISOString(),
    refundedFen,
    receipt: receipt ? toReceiptDto(receipt, payerName, Number(p.amountFen)) : null,
  };
}

export function toAdjustmentDto(a: FeeAdjustmentEntity): FeeAdjustmentDto {
  return {
    id: a.id,
    kind: a.kind,
    caseId: a.caseId,
    noticeId: a.noticeId,
    paymentId: a.paymentId,
    amountFen: Number(a.amountFen),
    reason: a.reason,
    basis: a.basis,
    state: a.state,
    requestedAt: a.requestedAt.toISOString(),
    requestedByName: a.requestedByName,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    decidedByName: a.decidedByName,
    decisionNote: a.decisionNote,
  };
}
