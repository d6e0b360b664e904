import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries are written with their change into `audit_pending`, with no lock, and sealed into the
 * chain (`audit_entry`, numbered and hashed under the head's lock) right after the commit. Writers no
 * longer queue on the chain's head while they commit.
 */
export class AuditSealing1764600000000 implements MigrationInterface {
  name = 'AuditSealing1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_pending (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_id uuid,
        actor_kind varchar(16),
        actor_name varchar(100),
        role varchar(200),
        department_id uuid,
        acting_for_id uuid,
        action varchar(64) NOT NULL,
        target_type varchar(64) NOT NULL,
        target_id varchar(64),
        summary jsonb NOT NULL,
        request_id varchar(80),
        client_ip varchar(64)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_pending`);
  }
}
