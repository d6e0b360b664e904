import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The warning policy becomes the card policy's YELLOW thresholds: per clock kind, proposed by CENTER_ADMIN and
 * in force only once a SUPERVISOR signs it off. One version in force and one proposal waiting, at most.
 */
export class CardPolicy1764500000000 implements MigrationInterface {
  name = 'CardPolicy1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE deadline_policy
        ADD COLUMN state varchar(12) NOT NULL DEFAULT 'SUPERSEDED'
          CONSTRAINT ck_deadline_policy_state CHECK (state IN ('PROPOSED', 'IN_FORCE', 'SUPERSEDED', 'REJECTED')),
        ADD COLUMN by_kind jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN created_by_name varchar(50),
        ADD COLUMN decided_by uuid,
        ADD COLUMN decided_by_name varchar(50),
        ADD COLUMN decided_at timestamptz,
        ADD COLUMN decision_note varchar(500),
        ADD COLUMN clocks_recomputed integer`);
    // Versions published before sign-off existed: the newest is in force, as it was.
    await q.query(
      `UPDATE deadline_policy SET state = 'IN_FORCE', decided_at = created_at WHERE version = (SELECT max(version) FROM deadline_policy)`,
    );
    await q.query(`ALTER TABLE deadline_policy ALTER COLUMN state DROP DEFAULT`);
    await q.query(
      `CREATE UNIQUE INDEX uq_deadline_policy_in_force ON deadline_policy (state) WHERE state = 'IN_FORCE'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_deadline_policy_proposed ON deadline_policy (state) WHERE state = 'PROPOSED'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX uq_deadline_policy_proposed`);
    await q.query(`DROP INDEX uq_deadline_policy_in_force`);
    await q.query(
      `DELETE FROM deadline_policy WHERE state IN ('PROPOSED', 'REJECTED') AND NOT EXISTS (SELECT 1 FROM clock WHERE policy_version = deadline_policy.version)`,
    );
    await q.query(`
      ALTER TABLE deadline_policy DROP COLUMN state, DROP COLUMN by_kind, DROP COLUMN created_by_name, DROP COLUMN decided_by,
        DROP COLUMN decided_by_name, DROP COLUMN decided_at, DROP COLUMN decision_note, DROP COLUMN clocks_recomputed`);
  }
}
