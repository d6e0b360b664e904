import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks: clients' subscriptions (URL, event types, a signing secret kept encrypted), the fan-out's position in the
 * outbox, one delivery per event and subscription, and every attempt at it.
 */
export class Webhooks1765200000000 implements MigrationInterface {
  name = 'Webhooks1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        api_client_id uuid NOT NULL CONSTRAINT fk_webhook_endpoint_client REFERENCES api_client (id),
        url varchar(2000) NOT NULL,
        description varchar(100) NOT NULL,
        event_types jsonb NOT NULL,
        secret varchar(200) NOT NULL,
        previous_secret varchar(200),
        previous_secret_until timestamptz,
        status varchar(12) NOT NULL,
        disabled_reason varchar(200),
        failing_since timestamptz,
        starts_after_txid bigint NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT ck_webhook_endpoint_status CHECK (status IN ('ACTIVE', 'DISABLED'))
      )`);
    await q.query(`CREATE INDEX ix_webhook_endpoint_client ON webhook_endpoint (api_client_id)`);
    await q.query(`
      CREATE TABLE webhook_dispatch (
        id smallint PRIMARY KEY,
        cursor_txid bigint NOT NULL,
        cursor_id bigint NOT NULL,
        CONSTRAINT ck_webhook_dispatch_single CHECK (id = 1)
      )`);
    await q.query(`INSERT INTO webhook_dispatch (id, cursor_txid, cursor_id) VALUES (1, 0, 0)`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        endpoint_id uuid NOT NULL CONSTRAINT fk_webhook_delivery_endpoint REFERENCES webhook_endpoint (id),
        event_id bigint NOT NULL,
        case_id uuid,
        status varchar(12) NOT NULL,
        attempts integer NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_status integer,
        last_error varchar(300),
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        CONSTRAINT uq_webhook_delivery_event UNIQUE (endpoint_id, event_id),
        CONSTRAINT ck_webhook_delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
      )`);
    await q.query(
      `CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (next_attempt_at, id) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX ix_webhook_delivery_case ON webhook_delivery (endpoint_id, case_id, id) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id)`);
    await q.query(`
      CREATE TABLE webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id bigint NOT NULL CONSTRAINT fk_webhook_attempt_delivery REFERENCES webhook_delivery (id),
        attempted_at timestamptz NOT NULL,
        status integer,
        duration_ms integer NOT NULL,
        error varchar(300),
        response_body varchar(500),
        manual boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_attempt`);
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_dispatch`);
    await q.query(`DROP TABLE webhook_endpoint`);
  }
}
