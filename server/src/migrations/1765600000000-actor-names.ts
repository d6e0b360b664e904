import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who completed a review task and who ended a sub-task are kept by name as they acted, as case steps keep theirs:
 * a department's system (a machine client) is no staff member, and a person's later rename does not rewrite history.
 */
export class ActorNames1765600000000 implements MigrationInterface {
  name = 'ActorNames1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_task ADD COLUMN completed_by_name varchar(100)`);
    await q.query(`ALTER TABLE case_subtask ADD COLUMN ended_by_name varchar(100)`);
    await q.query(`UPDATE case_task t SET completed_by_name = s.name FROM staff s WHERE s.id = t.completed_by`);
    await q.query(`UPDATE case_subtask t SET ended_by_name = s.name FROM staff s WHERE s.id = t.ended_by`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_subtask DROP COLUMN ended_by_name`);
    await q.query(`ALTER TABLE case_task DROP COLUMN completed_by_name`);
  }
}
