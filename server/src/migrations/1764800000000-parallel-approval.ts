import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 并联审批: the co-departments' sub-tasks of a joint case, each on its own SUBTASK clock; joint site inspections
 * (联合踏勘) with each department's findings; the lead's override of a 不同意 on the decision task; the sweep's count
 * of deemed approvals. A sub-task's state is checked against the shared state machine's states.
 */
export class ParallelApproval1764800000000 implements MigrationInterface {
  name = 'ParallelApproval1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_subtask (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT fk_case_subtask_case REFERENCES service_case (id),
        seq integer NOT NULL,
        department_id uuid NOT NULL,
        state varchar(16) NOT NULL,
        silence_is_consent boolean NOT NULL,
        limit_value integer NOT NULL,
        limit_unit varchar(12) NOT NULL,
        clock_id uuid NOT NULL,
        previous_id uuid CONSTRAINT fk_case_subtask_previous REFERENCES case_subtask (id),
        opened_at timestamptz NOT NULL,
        ended_at timestamptz,
        ended_by uuid,
        opinion text,
        conditions text,
        legal_basis text,
        answer text,
        answered_at timestamptz,
        answered_by uuid,
        CONSTRAINT ck_case_subtask_state
          CHECK (state IN ('OPEN', 'APPROVED', 'REJECTED', 'RETURNED', 'DEEMED_APPROVED', 'CANCELLED'))
      )`);
    await q.query(`CREATE INDEX ix_case_subtask_department ON case_subtask (department_id, state)`);
    await q.query(`CREATE INDEX ix_case_subtask_case ON case_subtask (case_id, seq)`);
    await q.query(`CREATE UNIQUE INDEX ix_case_subtask_clock ON case_subtask (clock_id)`);
    await q.query(
      `CREATE INDEX ix_case_subtask_silent_open ON case_subtask (clock_id) WHERE state = 'OPEN' AND silence_is_consent`,
    );
    await q.query(`
      CREATE TABLE case_inspection (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL CONSTRAINT fk_case_inspection_case REFERENCES service_case (id),
        date date NOT NULL,
        notice text NOT NULL,
        state varchar(12) NOT NULL,
        arranged_by uuid NOT NULL,
        arranged_at timestamptz NOT NULL,
        completed_at timestamptz,
        CONSTRAINT ck_case_inspection_state CHECK (state IN ('ARRANGED', 'DONE'))
      )`);
    await q.query(`CREATE INDEX ix_case_inspection_case ON case_inspection (case_id)`);
    await q.query(`
      CREATE TABLE case_inspection_part (
        inspection_id uuid NOT NULL CONSTRAINT fk_case_inspection_part_inspection REFERENCES case_inspection (id),
        department_id uuid NOT NULL,
        findings text,
        recorded_by uuid,
        recorded_at timestamptz,
        PRIMARY KEY (inspection_id, department_id)
      )`);
    await q.query(`ALTER TABLE case_task ADD COLUMN override_reason text`);
    await q.query(`ALTER TABLE sweep_run ADD COLUMN deemed_approved integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sweep_run DROP COLUMN deemed_approved`);
    await q.query(`ALTER TABLE case_task DROP COLUMN override_reason`);
    await q.query(`DROP TABLE case_inspection_part`);
    await q.query(`DROP TABLE case_inspection`);
    await q.query(`DROP TABLE case_subtask`);
  }
}
