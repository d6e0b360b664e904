import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases (办件): receipt to completion, with materials, steps, tasks, notices and number sequences. */
export class Cases1764200000000 implements MigrationInterface {
  name = 'Cases1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_no varchar(32),
        case_no varchar(40),
        query_code varchar(8),
        matter_id uuid NOT NULL,
        matter_version_id uuid NOT NULL,
        matter_code varchar(16) NOT NULL,
        matter_version_no integer NOT NULL,
        matter_name varchar(100) NOT NULL,
        handling_kind varchar(12) NOT NULL,
        department_id uuid NOT NULL,
        channel varchar(8) NOT NULL,
        state varchar(24) NOT NULL,
        applicant_account_id uuid,
        applicant_kind varchar(16) NOT NULL,
        applicant_name varchar(100) NOT NULL,
        applicant_id_number text NOT NULL,
        contact_name varchar(50) NOT NULL,
        contact_phone text NOT NULL,
        applicant_address varchar(200),
        received_at timestamptz,
        received_by uuid,
        accepted_at timestamptz,
        deemed_accepted boolean NOT NULL DEFAULT false,
        deferred_promise_date date,
        deferred_promise_missed boolean NOT NULL DEFAULT false,
        supplement_items jsonb NOT NULL DEFAULT '[]',
        supplement_notice_at timestamptz,
        approved boolean,
        decision_reason text,
        decision_basis text,
        decided_at timestamptz,
        delivery_method varchar(12),
        delivery_carrier varchar(50),
        delivery_tracking_no varchar(50),
        certificate_no varchar(60),
        delivered_at timestamptz,
        completion_code varchar(1),
        completed_at timestamptz,
        pending_extension jsonb,
        acceptance_clock_id uuid,
        case_clock_id uuid,
        delivery_clock_id uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT uq_service_case_receipt_no UNIQUE (receipt_no),
        CONSTRAINT uq_service_case_case_no UNIQUE (case_no),
        CONSTRAINT ck_service_case_state CHECK (state IN ('DRAFT', 'SUBMITTED', 'SUPPLEMENT_REQUIRED', 'IN_REVIEW', 'SUSPENDED', 'APPROVED', 'DENIED', 'COMPLETED', 'REJECTED', 'WITHDRAWN'))
      )`);
    await q.query(`CREATE INDEX ix_service_case_department_state ON service_case (department_id, state)`);
    await q.query(`CREATE INDEX ix_service_case_applicant ON service_case (applicant_account_id)`);
    await q.query(`
      CREATE TABLE case_material (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT fk_case_material_case REFERENCES service_case (id),
        material_index integer NOT NULL,
        name varchar(200) NOT NULL,
        required boolean NOT NULL,
        may_defer boolean NOT NULL,
        status varchar(16) NOT NULL,
        file_id uuid,
        file_name varchar(160),
        supplied_at timestamptz,
        CONSTRAINT uq_case_material UNIQUE (case_id, material_index)
      )`);
    await q.query(`
      CREATE TABLE case_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT fk_case_step_case REFERENCES service_case (id),
        seq integer NOT NULL,
        action varchar(24) NOT NULL,
        from_state varchar(24),
        to_state varchar(24) NOT NULL,
        actor_id uuid,
        actor_name varchar(50) NOT NULL,
        acting_for_id uuid,
        acting_for_name varchar(50),
        at timestamptz NOT NULL,
        opinion text,
        result_code varchar(1),
        notice_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT uq_case_step_seq UNIQUE (case_id, seq)
      )`);
    // The record of a case is append-only, like the audit log.
    await q.query(`
      CREATE FUNCTION case_step_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_step is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER tr_case_step_append_only BEFORE UPDATE OR DELETE ON case_step FOR EACH ROW EXECUTE FUNCTION case_step_append_only()`,
    );
    await q.query(`
      CREATE TABLE case_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT fk_case_task_case REFERENCES service_case (id),
        kind varchar(12) NOT NULL,
        seq integer NOT NULL,
        state varchar(12) NOT NULL,
        department_id uuid NOT NULL,
        assignee_id uuid,
        opinion text,
        agreed boolean,
        completed_by uuid,
        acting_for uuid,
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_case_task_open ON case_task (department_id, kind, state)`);
    await q.query(`
      CREATE TABLE case_notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT fk_case_notice_case REFERENCES service_case (id),
        kind varchar(32) NOT NULL,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_case_notice_case ON case_notice (case_id)`);
    await q.query(`
      CREATE TABLE case_sequence (
        scope varchar(24) NOT NULL,
        day date NOT NULL,
        value integer NOT NULL,
        PRIMARY KEY (scope, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_sequence`);
    await q.query(`DROP TABLE case_notice`);
    await q.query(`DROP TABLE case_task`);
    await q.query(`DROP TABLE case_step`);
    await q.query(`DROP FUNCTION case_step_append_only`);
    await q.query(`DROP TABLE case_material`);
    await q.query(`DROP TABLE service_case`);
  }
}
