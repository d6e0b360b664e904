import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries are written with their change into `audit_pending`, with no lock, and sealed into the
 * chain (`audit_entry`, numbered and hashed under the head's lock) right after the commit. Writers no
 * longer queue on the chain's head while they commit.
 */
export class AuditSealing1764600000000 implements MigrationInterface {
  name = 'AuditSealing1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // The entry's own columns, as audit_entry defines them, without its place in the chain.
    await q.query(`CREATE TABLE audit_pending (id bigserial PRIMARY KEY, LIKE audit_entry)`);
    await q.query(`ALTER TABLE audit_pending DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_pending`);
  }
}
