import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored files (blank forms and samples of the catalog now; applicants' materials later). */
export class CatalogAttachments1764100000000 implements MigrationInterface {
  name = 'CatalogAttachments1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purpose varchar(32) NOT NULL,
        file_name varchar(160) NOT NULL,
        media_type varchar(100) NOT NULL,
        size_bytes integer NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL,
        created_by uuid,
        CONSTRAINT ck_stored_file_size CHECK (size_bytes > 0)
      )`);
    await q.query(`CREATE INDEX ix_stored_file_purpose ON stored_file (purpose, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stored_file`);
  }
}
