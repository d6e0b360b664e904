import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Platform (credentials, sessions, audit chain), organization and applicants. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credential (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        principal_kind varchar(16) NOT NULL CONSTRAINT ck_credential_principal_kind CHECK (principal_kind IN ('STAFF', 'APPLICANT')),
        principal_id uuid NOT NULL,
        login varchar(64) NOT NULL,
        password_hash text NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        password_changed_at timestamptz NOT NULL,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT uq_credential_login UNIQUE (login),
        CONSTRAINT uq_credential_principal UNIQUE (principal_kind, principal_id)
      )`);
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        credential_id uuid NOT NULL CONSTRAINT fk_auth_session_credential REFERENCES credential(id),
        refresh_hash char(64) NOT NULL,
        previous_refresh_hash char(64),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoke_reason varchar(32),
        client_ip varchar(64),
        CONSTRAINT uq_auth_session_refresh UNIQUE (refresh_hash)
      )`);
    await q.query(
      `CREATE INDEX ix_auth_session_previous ON auth_session (previous_refresh_hash) WHERE previous_refresh_hash IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_auth_session_credential ON auth_session (credential_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE audit_entry (
        seq bigint PRIMARY KEY,
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
        client_ip varchar(64),
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_audit_entry_target ON audit_entry (target_type, target_id)`);
    await q.query(`CREATE INDEX ix_audit_entry_actor ON audit_entry (actor_id)`);
    await q.query(`CREATE INDEX ix_audit_entry_action ON audit_entry (action)`);
    await q.query(`
      CREATE TABLE audit_chain_head (
        id smallint PRIMARY KEY CONSTRAINT ck_audit_chain_head_single CHECK (id = 1),
        last_seq bigint NOT NULL,
        last_hash char(64) NOT NULL
      )`);
    await q.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, repeat('0', 64))`);
    // Append-only: the database itself refuses to change or remove audit rows.
    await q.query(`
      CREATE FUNCTION audit_entry_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_immutable()`,
    );
    await q.query(
      `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_immutable()`,
    );

    await q.query(`
      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(16) NOT NULL,
        name varchar(100) NOT NULL,
        short_name varchar(30) NOT NULL,
        credit_code char(18) NOT NULL,
        parent_id uuid CONSTRAINT fk_department_parent REFERENCES department(id),
        sort_order integer NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT uq_department_code UNIQUE (code),
        CONSTRAINT uq_department_credit_code UNIQUE (credit_code)
      )`);
    await q.query(`
      CREATE TABLE service_window (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(16) NOT NULL,
        name varchar(100) NOT NULL,
        department_id uuid NOT NULL CONSTRAINT fk_service_window_department REFERENCES department(id),
        kind varchar(16) NOT NULL CONSTRAINT ck_service_window_kind CHECK (kind IN ('DEPARTMENT', 'COMPREHENSIVE')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CONSTRAINT uq_service_window_number UNIQUE (number)
      )`);
    await q.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(50) NOT NULL,
        department_id uuid NOT NULL CONSTRAINT fk_staff_department REFERENCES department(id),
        window_id uuid CONSTRAINT fk_staff_window REFERENCES service_window(id),
        roles text[] NOT NULL CONSTRAINT ck_staff_roles CHECK (roles <@ ARRAY['CLERK','APPROVER','DEPT_LEAD','CENTER_ADMIN','SUPERVISOR']::text[] AND cardinality(roles) > 0),
        backup_staff_id uuid CONSTRAINT fk_staff_backup REFERENCES staff(id),
        away boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_staff_department ON staff (department_id)`);

    await q.query(`
      CREATE TABLE applicant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        applicant_type varchar(16) NOT NULL CONSTRAINT ck_applicant_type CHECK (applicant_type IN ('CITIZEN', 'LEGAL_PERSON')),
        name varchar(50) NOT NULL,
        phone varchar(11) NOT NULL,
        id_number_hash char(64) NOT NULL,
        id_number_cipher text NOT NULL,
        id_number_masked varchar(18) NOT NULL,
        organization_name varchar(200),
        credit_code char(18),
        created_at timestamptz NOT NULL,
        CONSTRAINT uq_applicant_phone UNIQUE (phone),
        CONSTRAINT uq_applicant_id_number UNIQUE (id_number_hash)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'applicant',
      'staff',
      'service_window',
      'department',
      'audit_chain_head',
      'audit_entry',
      'auth_session',
      'credential',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_entry_immutable()`);
  }
}
