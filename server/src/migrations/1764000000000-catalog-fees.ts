import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Fee catalog; matters and their versions (published versions immutable). */
export class CatalogFees1764000000000 implements MigrationInterface {
  name = 'CatalogFees1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fee_item (
        code varchar(16) PRIMARY KEY,
        name varchar(100) NOT NULL,
        legal_basis text NOT NULL CONSTRAINT ck_fee_item_legal_basis CHECK (length(trim(legal_basis)) > 0),
        approving_document varchar(200) NOT NULL,
        standard_kind varchar(16) NOT NULL,
        amount_fen bigint,
        unit_price_fen bigint,
        unit_name varchar(20),
        min_fen bigint,
        max_fen bigint,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT ck_fee_item_standard CHECK ((standard_kind = 'FIXED' AND amount_fen >= 0) OR (standard_kind = 'UNIT_PRICE' AND unit_price_fen >= 0 AND unit_name IS NOT NULL) OR (standard_kind = 'RANGE' AND min_fen >= 0 AND max_fen >= min_fen))
      )`);
    await q.query(`
      CREATE TABLE matter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) NOT NULL,
        basic_code varchar(16) NOT NULL,
        department_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT uq_matter_code UNIQUE (code)
      )`);
    await q.query(`CREATE INDEX ix_matter_department ON matter (department_id)`);
    await q.query(`
      CREATE TABLE matter_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        matter_id uuid NOT NULL CONSTRAINT fk_matter_version_matter REFERENCES matter(id),
        version_no integer NOT NULL,
        status varchar(12) NOT NULL CONSTRAINT ck_matter_version_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'WITHDRAWN')),
        content jsonb NOT NULL,
        published_at timestamptz,
        published_by uuid,
        ended_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT uq_matter_version_no UNIQUE (matter_id, version_no)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_matter_version_published ON matter_version (matter_id) WHERE status = 'PUBLISHED'`,
    );
    await q.query(`CREATE UNIQUE INDEX uq_matter_version_draft ON matter_version (matter_id) WHERE status = 'DRAFT'`);
    // What cases point at never changes: only a draft's content may be edited.
    await q.query(`
      CREATE FUNCTION matter_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'DRAFT' AND (NEW.content IS DISTINCT FROM OLD.content OR NEW.version_no <> OLD.version_no OR NEW.matter_id <> OLD.matter_id) THEN
          RAISE EXCEPTION 'matter_version % is % and cannot change', OLD.id, OLD.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER matter_version_no_edit BEFORE UPDATE ON matter_version FOR EACH ROW EXECUTE FUNCTION matter_version_immutable()`,
    );
    await q.query(
      `CREATE TABLE catalog_revision (id smallint PRIMARY KEY CONSTRAINT ck_catalog_revision_single CHECK (id = 1), revision bigint NOT NULL)`,
    );
    await q.query(`INSERT INTO catalog_revision VALUES (1, 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['catalog_revision', 'matter_version', 'matter', 'fee_item'])
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS matter_version_immutable()`);
  }
}
