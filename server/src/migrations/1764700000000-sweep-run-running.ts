import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sweep run is RUNNING from the moment its cards are issued until its transitions are done: a run that a crash
 * interrupted says so (RUNNING, then FAILED once the next sweep finds it stranded), never DONE with no end.
 */
export class SweepRunRunning1764700000000 implements MigrationInterface {
  name = 'SweepRunRunning1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sweep_run DROP CONSTRAINT ck_sweep_run_status`);
    await q.query(
      `ALTER TABLE sweep_run ADD CONSTRAINT ck_sweep_run_status CHECK (status IN ('RUNNING', 'DONE', 'SKIPPED', 'FAILED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE sweep_run SET status = 'FAILED' WHERE status = 'RUNNING'`);
    await q.query(`ALTER TABLE sweep_run DROP CONSTRAINT ck_sweep_run_status`);
    await q.query(
      `ALTER TABLE sweep_run ADD CONSTRAINT ck_sweep_run_status CHECK (status IN ('DONE', 'SKIPPED', 'FAILED'))`,
    );
  }
}
