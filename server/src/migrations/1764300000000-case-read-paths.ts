import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A case's tasks are read with the case on every case page and action answer. */
export class CaseReadPaths1764300000000 implements MigrationInterface {
  name = 'CaseReadPaths1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_case_task_case ON case_task (case_id, seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_case_task_case`);
  }
}
