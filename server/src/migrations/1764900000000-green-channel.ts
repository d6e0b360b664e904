import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 绿色通道: key projects (重点项目) marked by CENTER_ADMIN, at most one active per project code; a case keeps the
 * project code its application gave and the key project it was accepted under. Queues order by the latter.
 */
export class GreenChannel1764900000000 implements MigrationInterface {
  name = 'GreenChannel1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE key_project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_code varchar(24) NOT NULL,
        project_name varchar(100) NOT NULL,
        applicant_name varchar(100) NOT NULL,
        applicant_id_number text NOT NULL,
        applicant_id_hash varchar(64) NOT NULL,
        reason text NOT NULL,
        marked_by uuid NOT NULL,
        marked_by_name varchar(50) NOT NULL,
        marked_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by_name varchar(50),
        revoke_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_key_project_active_code ON key_project (project_code) WHERE revoked_at IS NULL`,
    );
    await q.query(`ALTER TABLE service_case ADD COLUMN project_code varchar(24)`);
    await q.query(
      `ALTER TABLE service_case ADD COLUMN key_project_id uuid CONSTRAINT fk_service_case_key_project REFERENCES key_project (id)`,
    );
    await q.query(
      `CREATE INDEX ix_service_case_key_project ON service_case (key_project_id) WHERE key_project_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_case DROP COLUMN key_project_id, DROP COLUMN project_code`);
    await q.query(`DROP TABLE key_project`);
  }
}
