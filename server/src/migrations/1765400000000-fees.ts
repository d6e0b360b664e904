import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 统一收费: payment notices (one in force per case), the bank's confirmed payments, receipt books and the receipt
 * numbers used from them, waivers and refunds, and the bank's daily statements with the differences reconciling found.
 * Two roles for the fee counter and the finance office.
 */
export class Fees1765400000000 implements MigrationInterface {
  name = 'Fees1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE staff DROP CONSTRAINT ck_staff_roles,
        ADD CONSTRAINT ck_staff_roles CHECK (roles <@ ARRAY['CLERK','APPROVER','DEPT_LEAD','CENTER_ADMIN','SUPERVISOR','CASHIER','FINANCE']::text[] AND cardinality(roles) > 0)`);
    await q.query(`
      CREATE TABLE payment_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT fk_payment_notice_case REFERENCES service_case (id),
        department_id uuid NOT NULL,
        department_name varchar(100) NOT NULL,
        matter_name varchar(200) NOT NULL,
        receipt_no varchar(32) NOT NULL,
        case_no varchar(32),
        payment_code varchar(20) NOT NULL CONSTRAINT uq_payment_notice_code UNIQUE,
        payer_name varchar(200) NOT NULL,
        items jsonb NOT NULL,
        gross_fen bigint NOT NULL,
        waived_fen bigint NOT NULL,
        total_fen bigint NOT NULL,
        due_date date NOT NULL,
        state varchar(12) NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_by_name varchar(100) NOT NULL,
        cancelled_at timestamptz,
        cancel_reason text,
        cancelled_by_name varchar(100),
        replaces_id uuid CONSTRAINT fk_payment_notice_replaces REFERENCES payment_notice (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT ck_payment_notice_state CHECK (state IN ('ISSUED', 'PAID', 'WAIVED', 'CANCELLED')),
        CONSTRAINT ck_payment_notice_amounts CHECK (gross_fen >= 0 AND waived_fen BETWEEN 0 AND gross_fen AND total_fen = gross_fen - waived_fen)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_payment_notice_live ON payment_notice (case_id) WHERE state <> 'CANCELLED'`);
    await q.query(`CREATE INDEX ix_payment_notice_issued ON payment_notice (issued_at)`);
    await q.query(`
      CREATE TABLE fee_payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notice_id uuid NOT NULL CONSTRAINT fk_fee_payment_notice REFERENCES payment_notice (id),
        amount_fen bigint NOT NULL,
        bank_transaction_id varchar(64) NOT NULL,
        confirmed_by_id uuid NOT NULL,
        bank_name varchar(100) NOT NULL,
        channel varchar(12) NOT NULL,
        paid_at timestamptz NOT NULL,
        confirmed_at timestamptz NOT NULL,
        CONSTRAINT uq_fee_payment_notice UNIQUE (notice_id),
        CONSTRAINT uq_fee_payment_bank_txn UNIQUE (bank_transaction_id),
        CONSTRAINT ck_fee_payment_channel CHECK (channel IN ('ONLINE', 'COUNTER')),
        CONSTRAINT ck_fee_payment_amount CHECK (amount_fen > 0)
      )`);
    await q.query(`CREATE INDEX ix_fee_payment_paid ON fee_payment (paid_at)`);
    await q.query(`
      CREATE TABLE receipt_book (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series varchar(40) NOT NULL,
        first_no integer NOT NULL,
        last_no integer NOT NULL,
        next_no integer NOT NULL,
        issued_on date NOT NULL,
        registered_by_name varchar(100) NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT ck_receipt_book_range CHECK (first_no > 0 AND last_no >= first_no AND next_no BETWEEN first_no AND last_no + 1)
      )`);
    await q.query(`
      CREATE TABLE fee_receipt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        book_id uuid NOT NULL CONSTRAINT fk_fee_receipt_book REFERENCES receipt_book (id),
        number integer NOT NULL,
        receipt_no varchar(60) NOT NULL,
        payment_id uuid CONSTRAINT fk_fee_receipt_payment REFERENCES fee_payment (id),
        state varchar(12) NOT NULL,
        verification_code varchar(12) NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_by_name varchar(100) NOT NULL,
        voided_at timestamptz,
        void_reason text,
        voided_by_name varchar(100),
        CONSTRAINT uq_fee_receipt_number UNIQUE (book_id, number),
        CONSTRAINT uq_fee_receipt_no UNIQUE (receipt_no),
        CONSTRAINT ck_fee_receipt_state CHECK (state IN ('ISSUED', 'VOIDED', 'SPOILED')),
        CONSTRAINT ck_fee_receipt_payment CHECK ((state = 'SPOILED') = (payment_id IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_fee_receipt_payment ON fee_receipt (payment_id)`);
    await q.query(`
      CREATE TABLE fee_adjustment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(8) NOT NULL,
        case_id uuid NOT NULL,
        department_id uuid NOT NULL,
        notice_id uuid NOT NULL CONSTRAINT fk_fee_adjustment_notice REFERENCES payment_notice (id),
        payment_id uuid CONSTRAINT fk_fee_adjustment_payment REFERENCES fee_payment (id),
        amount_fen bigint NOT NULL,
        reason text NOT NULL,
        basis text NOT NULL,
        state varchar(12) NOT NULL,
        requested_at timestamptz NOT NULL,
        requested_by_id uuid NOT NULL,
        requested_by_name varchar(100) NOT NULL,
        decided_at timestamptz,
        decided_by_id uuid,
        decided_by_name varchar(100),
        decision_note text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT ck_fee_adjustment_kind CHECK (kind IN ('WAIVER', 'REFUND')),
        CONSTRAINT ck_fee_adjustment_state CHECK (state IN ('REQUESTED', 'APPROVED', 'REJECTED')),
        CONSTRAINT ck_fee_adjustment_amount CHECK (amount_fen > 0),
        CONSTRAINT ck_fee_adjustment_second CHECK (decided_by_id IS NULL OR decided_by_id <> requested_by_id)
      )`);
    await q.query(`CREATE INDEX ix_fee_adjustment_notice ON fee_adjustment (notice_id)`);
    await q.query(`
      CREATE TABLE bank_statement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_date date NOT NULL CONSTRAINT uq_bank_statement_date UNIQUE,
        file_name varchar(200) NOT NULL,
        imported_at timestamptz NOT NULL,
        imported_by_name varchar(100) NOT NULL,
        department_id uuid NOT NULL,
        bank_lines integer NOT NULL,
        bank_total_fen bigint NOT NULL,
        local_payments integer NOT NULL,
        local_total_fen bigint NOT NULL,
        matched integer NOT NULL
      )`);
    await q.query(`
      CREATE TABLE bank_statement_line (
        id bigserial PRIMARY KEY,
        statement_id uuid NOT NULL CONSTRAINT fk_bank_statement_line_statement REFERENCES bank_statement (id),
        bank_transaction_id varchar(64) NOT NULL,
        amount_fen bigint NOT NULL,
        paid_at timestamptz NOT NULL,
        payment_code varchar(20),
        CONSTRAINT uq_bank_statement_line_txn UNIQUE (statement_id, bank_transaction_id)
      )`);
    await q.query(`
      CREATE TABLE reconciliation_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL CONSTRAINT fk_reconciliation_item_statement REFERENCES bank_statement (id),
        kind varchar(16) NOT NULL,
        bank_transaction_id varchar(64) NOT NULL,
        payment_code varchar(20),
        bank_amount_fen bigint,
        local_amount_fen bigint,
        bank_paid_at timestamptz,
        local_paid_at timestamptz,
        payment_id uuid,
        resolved_at timestamptz,
        resolved_by_name varchar(100),
        resolution_note text,
        carded_at timestamptz,
        CONSTRAINT ck_reconciliation_item_kind CHECK (kind IN ('BANK_ONLY', 'LOCAL_ONLY', 'AMOUNT_MISMATCH', 'DATE_MISMATCH'))
      )`);
    await q.query(`CREATE INDEX ix_reconciliation_item_statement ON reconciliation_item (statement_id, kind)`);
    await q.query(
      `CREATE INDEX ix_reconciliation_item_open ON reconciliation_item (statement_id) WHERE resolved_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'reconciliation_item',
      'bank_statement_line',
      'bank_statement',
      'fee_adjustment',
      'fee_receipt',
      'receipt_book',
      'fee_payment',
      'payment_notice',
    ])
      await q.query(`DROP TABLE ${t}`);
    await q.query(`
      ALTER TABLE staff DROP CONSTRAINT ck_staff_roles,
        ADD CONSTRAINT ck_staff_roles CHECK (roles <@ ARRAY['CLERK','APPROVER','DEPT_LEAD','CENTER_ADMIN','SUPERVISOR']::text[] AND cardinality(roles) > 0)`);
  }
}
