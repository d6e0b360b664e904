import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 转报: a 上报件 goes to the higher authority after the local review; the case keeps where, when and its 批复文号. */
export class Forwarding1765300000000 implements MigrationInterface {
  name = 'Forwarding1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE service_case
        ADD COLUMN forwarded_to varchar(100),
        ADD COLUMN forwarded_at timestamptz,
        ADD COLUMN forward_document_no varchar(100),
        DROP CONSTRAINT ck_service_case_state,
        ADD CONSTRAINT ck_service_case_state CHECK (state IN ('DRAFT', 'SUBMITTED', 'SUPPLEMENT_REQUIRED', 'IN_REVIEW',
          'SUSPENDED', 'FORWARDED', 'APPROVED', 'DENIED', 'COMPLETED', 'REJECTED', 'WITHDRAWN'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE service_case
        DROP CONSTRAINT ck_service_case_state,
        ADD CONSTRAINT ck_service_case_state CHECK (state IN ('DRAFT', 'SUBMITTED', 'SUPPLEMENT_REQUIRED', 'IN_REVIEW',
          'SUSPENDED', 'APPROVED', 'DENIED', 'COMPLETED', 'REJECTED', 'WITHDRAWN')),
        DROP COLUMN forward_document_no,
        DROP COLUMN forwarded_at,
        DROP COLUMN forwarded_to`);
  }
}
