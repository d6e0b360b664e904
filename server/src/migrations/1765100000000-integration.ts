import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integration: machine clients (应用接入) with their hashed secrets and credentials of kind CLIENT, the
 * Idempotency-Keys they sent, and the outbox every change others may hear of is written to (its writer's
 * transaction id beside it, for a feed that never skips an event that commits late).
 */
export class Integration1765100000000 implements MigrationInterface {
  name = 'Integration1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential DROP CONSTRAINT ck_credential_principal_kind`);
    await q.query(
      `ALTER TABLE credential ADD CONSTRAINT ck_credential_principal_kind CHECK (principal_kind IN ('STAFF', 'APPLICANT', 'CLIENT'))`,
    );
    await q.query(`
      CREATE TABLE api_client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id varchar(40) NOT NULL CONSTRAINT uq_api_client_client_id UNIQUE,
        name varchar(60) NOT NULL,
        owner_kind varchar(12) NOT NULL,
        department_id uuid,
        scopes jsonb NOT NULL,
        contact_name varchar(50) NOT NULL,
        contact_phone varchar(20) NOT NULL,
        rate_per_minute integer NOT NULL,
        created_by uuid NOT NULL,
        created_by_name varchar(50) NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT ck_api_client_owner CHECK (owner_kind IN ('DEPARTMENT', 'BANK') AND (owner_kind = 'BANK' OR department_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE api_client_secret (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL CONSTRAINT fk_api_client_secret_client REFERENCES api_client (id),
        secret_hash varchar(64) NOT NULL,
        prefix varchar(12) NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_api_client_secret_client ON api_client_secret (client_id)`);
    await q.query(`
      CREATE TABLE idempotency_key (
        api_client_id uuid NOT NULL,
        key varchar(255) NOT NULL,
        fingerprint varchar(64) NOT NULL,
        status integer,
        response jsonb,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (api_client_id, key)
      )`);
    // The writing transaction's id as a plain bigint (xid8 has no ordering operators in every version we run on).
    await q.query(
      `CREATE FUNCTION outbox_txid() RETURNS bigint LANGUAGE sql VOLATILE AS $$ SELECT (pg_current_xact_id())::text::bigint $$`,
    );
    await q.query(`
      CREATE TABLE outbox_event (
        id bigserial PRIMARY KEY,
        txid bigint NOT NULL DEFAULT outbox_txid(),
        type varchar(48) NOT NULL,
        case_id uuid,
        department_id uuid,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_outbox_event_case ON outbox_event (case_id, id)`);
    await q.query(`CREATE INDEX ix_outbox_event_feed ON outbox_event (txid, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_event`);
    await q.query(`DROP FUNCTION outbox_txid()`);
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE api_client_secret`);
    await q.query(`DROP TABLE api_client`);
    await q.query(
      `DELETE FROM auth_session WHERE credential_id IN (SELECT id FROM credential WHERE principal_kind = 'CLIENT')`,
    );
    await q.query(`DELETE FROM credential WHERE principal_kind = 'CLIENT'`);
    await q.query(`ALTER TABLE credential DROP CONSTRAINT ck_credential_principal_kind`);
    await q.query(
      `ALTER TABLE credential ADD CONSTRAINT ck_credential_principal_kind CHECK (principal_kind IN ('STAFF', 'APPLICANT'))`,
    );
  }
}
