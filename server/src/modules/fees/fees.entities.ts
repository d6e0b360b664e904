import type {
  AdjustmentKind,
  AdjustmentState,
  DifferenceKind,
  NoticeLineDto,
  NoticeState,
  PaymentChannel,
  ReceiptState,
} from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';

/**
 * 缴款通知书: all of a case's fees on one notice (一票收费), frozen as issued (items with their legal basis, the payer,
 * the department as printed). One notice in force per case; a correction or a waiver cancels it and issues its
 * successor (`replacesId`), so every notice ever issued stays on record.
 */
@Entity('payment_notice')
@Unique('uq_payment_notice_code', ['paymentCode'])
@Index('uq_payment_notice_live', ['caseId'], { unique: true, where: `state <> 'CANCELLED'` })
@Index('ix_payment_notice_issued', ['issuedAt'])
@Check('ck_payment_notice_state', `state IN ('ISSUED', 'PAID', 'WAIVED', 'CANCELLED')`)
@Check(
  'ck_payment_notice_amounts',
  `gross_fen >= 0 AND waived_fen BETWEEN 0 AND gross_fen AND total_fen = gross_fen - waived_fen`,
)
export class PaymentNoticeEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  // The case is acceptance's entity, named (not imported): entities import no other module.
  @ForeignKey('CaseEntity', { name: 'fk_payment_notice_case' })
  caseId: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'varchar', length: 100 })
  departmentName: string;

  @Column({ type: 'varchar', length: 200 })
  matterName: string;

  /** The case's receipt number (收件编号) as printed. */
  @Column({ type: 'varchar', length: 32 })
  receiptNo: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  caseNo: string | null;

  @Column({ type: 'varchar', length: 20 })
  paymentCode: string;

  @Column({ type: 'varchar', length: 200 })
  payerName: string;

  @Column({ type: 'jsonb' })
  items: NoticeLineDto[];

  @Column({ type: 'bigint' })
  grossFen: number;

  @Column({ type: 'bigint' })
  waivedFen: number;

  @Column({ type: 'bigint' })
  totalFen: number;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 12 })
  state: NoticeState;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'varchar', length: 100 })
  issuedByName: string;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  cancelledByName: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('PaymentNoticeEntity', { name: 'fk_payment_notice_replaces' })
  replacesId: string | null;
}

/** A payment confirmed by the collecting bank: one per notice, one per bank transaction id. Never edited. */
@Entity('fee_payment')
@Unique('uq_fee_payment_notice', ['noticeId'])
@Unique('uq_fee_payment_bank_txn', ['bankTransactionId'])
@Index('ix_fee_payment_paid', ['paidAt'])
@Check('ck_fee_payment_channel', `channel IN ('ONLINE', 'COUNTER')`)
@Check('ck_fee_payment_amount', `amount_fen > 0`)
export class FeePaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('PaymentNoticeEntity', { name: 'fk_fee_payment_notice' })
  noticeId: string;

  @Column({ type: 'bigint' })
  amountFen: number;

  @Column({ type: 'varchar', length: 64 })
  bankTransactionId: string;

  /** The client that confirmed it (the bank's system). */
  @Column({ type: 'uuid' })
  confirmedById: string;

  @Column({ type: 'varchar', length: 100 })
  bankName: string;

  @Column({ type: 'varchar', length: 12 })
  channel: PaymentChannel;

  /** When the bank says it took the money. */
  @Column({ type: 'timestamptz' })
  paidAt: Date;

  /** The server's own time of the confirmation: the record's clock. */
  @Column({ type: 'timestamptz' })
  confirmedAt: Date;
}

/** 票据: a book of receipt numbers the finance bureau issued to the center, used in order, none skipped. */
@Entity('receipt_book')
@Check('ck_receipt_book_range', `first_no > 0 AND last_no >= first_no AND next_no BETWEEN first_no AND last_no + 1`)
export class ReceiptBookEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  series: string;

  @Column({ type: 'integer' })
  firstNo: number;

  @Column({ type: 'integer' })
  lastNo: number;

  /** The next number to use; past `lastNo` the book is used up. */
  @Column({ type: 'integer' })
  nextNo: number;

  @Column({ type: 'date' })
  issuedOn: string;

  @Column({ type: 'varchar', length: 100 })
  registeredByName: string;
}

/** One receipt number as used: for a payment, voided after (the number stays), or spoiled blank. */
@Entity('fee_receipt')
@Unique('uq_fee_receipt_number', ['bookId', 'number'])
@Unique('uq_fee_receipt_no', ['receiptNo'])
@Index('ix_fee_receipt_payment', ['paymentId'])
@Check('ck_fee_receipt_state', `state IN ('ISSUED', 'VOIDED', 'SPOILED')`)
@Check('ck_fee_receipt_payment', `(state = 'SPOILED') = (payment_id IS NULL)`)
export class FeeReceiptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('ReceiptBookEntity', { name: 'fk_fee_receipt_book' })
  bookId: string;

  @Column({ type: 'integer' })
  number: number;

  /** Series and number as printed. */
  @Column({ type: 'varchar', length: 60 })
  receiptNo: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('FeePaymentEntity', { name: 'fk_fee_receipt_payment' })
  paymentId: string | null;

  @Column({ type: 'varchar', length: 12 })
  state: ReceiptState;

  @Column({ type: 'varchar', length: 12 })
  verificationCode: string;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'varchar', length: 100 })
  issuedByName: string;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  voidReason: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  voidedByName: string | null;
}

/** 减免 or 退费: asked for with a reason and basis, in force only once a second person approved it. */
@Entity('fee_adjustment')
@Index('ix_fee_adjustment_notice', ['noticeId'])
@Check('ck_fee_adjustment_kind', `kind IN ('WAIVER', 'REFUND')`)
@Check('ck_fee_adjustment_state', `state IN ('REQUESTED', 'APPROVED', 'REJECTED')`)
@Check('ck_fee_adjustment_amount', `amount_fen > 0`)
@Check('ck_fee_adjustment_second', `decided_by_id IS NULL OR decided_by_id <> requested_by_id`)
export class FeeAdjustmentEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 8 })
  kind: AdjustmentKind;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('PaymentNoticeEntity', { name: 'fk_fee_adjustment_notice' })
  noticeId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('FeePaymentEntity', { name: 'fk_fee_adjustment_payment' })
  paymentId: string | null;

  @Column({ type: 'bigint' })
  amountFen: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text' })
  basis: string;

  @Column({ type: 'varchar', length: 12 })
  state: AdjustmentState;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'uuid' })
  requestedById: string;

  @Column({ type: 'varchar', length: 100 })
  requestedByName: string;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  decidedByName: string | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;
}

/** A day's statement from the bank, as imported; its lines are kept as evidence beside the differences found. */
@Entity('bank_statement')
@Unique('uq_bank_statement_date', ['statementDate'])
export class BankStatementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'date' })
  statementDate: string;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'timestamptz' })
  importedAt: Date;

  @Column({ type: 'varchar', length: 100 })
  importedByName: string;

  /** The finance office that imported it: whom a difference left open is carded to. */
  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'integer' })
  bankLines: number;

  @Column({ type: 'bigint' })
  bankTotalFen: number;

  @Column({ type: 'integer' })
  localPayments: number;

  @Column({ type: 'bigint' })
  localTotalFen: number;

  @Column({ type: 'integer' })
  matched: number;
}

@Entity('bank_statement_line')
@Unique('uq_bank_statement_line_txn', ['statementId', 'bankTransactionId'])
export class BankStatementLineEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: number;

  @Column({ type: 'uuid' })
  @ForeignKey('BankStatementEntity', { name: 'fk_bank_statement_line_statement' })
  statementId: string;

  @Column({ type: 'varchar', length: 64 })
  bankTransactionId: string;

  @Column({ type: 'bigint' })
  amountFen: number;

  @Column({ type: 'timestamptz' })
  paidAt: Date;

  @Column({ type: 'varchar', length: 20, nullable: true })
  paymentCode: string | null;
}

/** A difference the reconciliation found; open until someone resolves it with a note. */
@Entity('reconciliation_item')
@Index('ix_reconciliation_item_statement', ['statementId', 'kind'])
@Index('ix_reconciliation_item_open', ['statementId'], { where: `resolved_at IS NULL` })
@Check('ck_reconciliation_item_kind', `kind IN ('BANK_ONLY', 'LOCAL_ONLY', 'AMOUNT_MISMATCH', 'DATE_MISMATCH')`)
export class ReconciliationItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('BankStatementEntity', { name: 'fk_reconciliation_item_statement' })
  statementId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: DifferenceKind;

  @Column({ type: 'varchar', length: 64 })
  bankTransactionId: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  paymentCode: string | null;

  @Column({ type: 'bigint', nullable: true })
  bankAmountFen: number | null;

  @Column({ type: 'bigint', nullable: true })
  localAmountFen: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  bankPaidAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  localPaidAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  paymentId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  resolvedByName: string | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  /** When the sweep gave it a card for being left open too long. */
  @Column({ type: 'timestamptz', nullable: true })
  cardedAt: Date | null;
}
