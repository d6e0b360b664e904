import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 一件事一次办: life events in the catalog (a code, a status, the bundled matters), and bundles in acceptance (one
 * application for a life event, its combined form fixed when started); each case of a bundle points to it.
 */
export class Bundles1765000000000 implements MigrationInterface {
  name = 'Bundles1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE life_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(8) NOT NULL CONSTRAINT uq_life_event_code UNIQUE,
        status varchar(12) NOT NULL,
        content jsonb NOT NULL,
        published_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT ck_life_event_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'WITHDRAWN'))
      )`);
    await q.query(`
      CREATE TABLE case_bundle (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bundle_no varchar(20) CONSTRAINT uq_case_bundle_no UNIQUE,
        query_code varchar(8),
        life_event_code varchar(8) NOT NULL,
        name varchar(60) NOT NULL,
        channel varchar(8) NOT NULL,
        applicant_account_id uuid,
        items jsonb NOT NULL,
        received_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_case_bundle_applicant ON case_bundle (applicant_account_id)`);
    await q.query(
      `ALTER TABLE service_case ADD COLUMN bundle_id uuid CONSTRAINT fk_service_case_bundle REFERENCES case_bundle (id)`,
    );
    await q.query(`CREATE INDEX ix_service_case_bundle ON service_case (bundle_id) WHERE bundle_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service_case DROP COLUMN bundle_id`);
    await q.query(`DROP TABLE case_bundle`);
    await q.query(`DROP TABLE life_event`);
  }
}
