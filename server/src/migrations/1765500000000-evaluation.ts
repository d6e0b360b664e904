import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 好差评, 投诉 and 考核: the windows' rating terminals and the service events they are asked to rate, ratings (one per
 * event, one per case online), the rectification of a bad one and appeals against a mistaken one; complaints with
 * their steps and the routing of their types; the versioned assessment scheme (version 1 in force) and awards.
 */
export class Evaluation1765500000000 implements MigrationInterface {
  name = 'Evaluation1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rating_terminal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        window_id uuid NOT NULL CONSTRAINT fk_rating_terminal_window REFERENCES service_window (id),
        token_hash varchar(64) NOT NULL CONSTRAINT uq_rating_terminal_token UNIQUE,
        issued_by uuid NOT NULL,
        issued_by_name varchar(50) NOT NULL,
        issued_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_seen_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_rating_terminal_window ON rating_terminal (window_id)`);
    await q.query(`
      CREATE TABLE service_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CONSTRAINT ck_service_event_kind CHECK (kind IN ('RECEIPT', 'ACCEPTANCE', 'DELIVERY', 'CONSULTATION')),
        window_id uuid NOT NULL CONSTRAINT fk_service_event_window REFERENCES service_window (id),
        staff_id uuid NOT NULL,
        staff_name varchar(50) NOT NULL,
        department_id uuid NOT NULL,
        case_id uuid CONSTRAINT fk_service_event_case REFERENCES service_case (id),
        matter_name varchar(200),
        ended_at timestamptz NOT NULL,
        superseded boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX ix_service_event_window ON service_event (window_id, ended_at DESC)`);
    await q.query(`
      CREATE TABLE rating (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel varchar(8) NOT NULL CONSTRAINT ck_rating_channel CHECK (channel IN ('ONSITE', 'ONLINE')),
        service_event_id uuid CONSTRAINT uq_rating_service_event UNIQUE CONSTRAINT fk_rating_service_event REFERENCES service_event (id),
        case_id uuid CONSTRAINT fk_rating_case REFERENCES service_case (id),
        window_id uuid,
        staff_id uuid,
        department_id uuid NOT NULL,
        level smallint NOT NULL CONSTRAINT ck_rating_level CHECK (level BETWEEN 1 AND 5),
        indicator_version int NOT NULL,
        indicators jsonb NOT NULL,
        problems text[] NOT NULL DEFAULT '{}',
        comment text,
        rater_account_id uuid,
        rated_at timestamptz NOT NULL,
        excluded boolean NOT NULL DEFAULT false,
        CONSTRAINT ck_rating_bad_says_why CHECK (level > 2 OR cardinality(problems) > 0),
        CONSTRAINT ck_rating_onsite_event CHECK (channel <> 'ONSITE' OR service_event_id IS NOT NULL),
        CONSTRAINT ck_rating_online_case CHECK (channel <> 'ONLINE' OR case_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_rating_online_case ON rating (case_id) WHERE channel = 'ONLINE'`);
    await q.query(`CREATE INDEX ix_rating_rated_at ON rating (rated_at)`);
    await q.query(`CREATE INDEX ix_rating_department ON rating (department_id, rated_at)`);
    await q.query(`
      CREATE TABLE rectification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rating_id uuid NOT NULL CONSTRAINT uq_rectification_rating UNIQUE CONSTRAINT fk_rectification_rating REFERENCES rating (id),
        department_id uuid NOT NULL,
        state varchar(16) NOT NULL CONSTRAINT ck_rectification_state CHECK (state IN ('VISIT_PENDING', 'RECTIFYING', 'RECTIFIED', 'CANCELLED')),
        visit_clock_id uuid NOT NULL,
        visit_note text,
        visited_at timestamptz,
        visited_by_name varchar(50),
        rectify_clock_id uuid,
        rectify_note text,
        rectified_at timestamptz,
        rectified_by_name varchar(50),
        follow_up_level smallint CONSTRAINT ck_rectification_follow_up CHECK (follow_up_level BETWEEN 1 AND 5),
        follow_up_comment text,
        opened_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_rectification_department ON rectification (department_id, state)`);
    await q.query(`
      CREATE TABLE rating_appeal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rating_id uuid NOT NULL CONSTRAINT fk_rating_appeal_rating REFERENCES rating (id),
        department_id uuid NOT NULL,
        state varchar(10) NOT NULL CONSTRAINT ck_rating_appeal_state CHECK (state IN ('PENDING', 'UPHELD', 'DISMISSED')),
        reason text NOT NULL,
        evidence text NOT NULL,
        appealed_by uuid NOT NULL,
        appealed_by_name varchar(50) NOT NULL,
        appealed_at timestamptz NOT NULL,
        decided_by uuid,
        decided_by_name varchar(50),
        decided_at timestamptz,
        decision_reason text
      )`);
    // One appeal open at a time; a rating whose appeal was decided is not appealed again.
    await q.query(`CREATE UNIQUE INDEX uq_rating_appeal_rating ON rating_appeal (rating_id)`);
    await q.query(`
      CREATE TABLE complaint_route (
        type varchar(16) PRIMARY KEY,
        office varchar(12) NOT NULL CONSTRAINT ck_complaint_route_office CHECK (office IN ('SUPERVISION', 'DISCIPLINE')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by_name varchar(50)
      )`);
    await q.query(
      `INSERT INTO complaint_route (type, office) VALUES
        ('ATTITUDE', 'SUPERVISION'), ('DELAY', 'SUPERVISION'), ('OFF_BOOK', 'SUPERVISION'), ('ILLEGAL_FEE', 'DISCIPLINE'),
        ('REPEATED_TRIPS', 'SUPERVISION'), ('DISCIPLINE', 'DISCIPLINE'), ('OTHER', 'SUPERVISION')`,
    );
    await q.query(`CREATE SEQUENCE complaint_number_seq`);
    await q.query(`
      CREATE TABLE complaint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number varchar(24) NOT NULL CONSTRAINT uq_complaint_number UNIQUE,
        query_code varchar(8) NOT NULL,
        channel varchar(10) NOT NULL CONSTRAINT ck_complaint_channel CHECK (channel IN ('ONLINE', 'HOTLINE', 'LETTER', 'IN_PERSON')),
        external_ref varchar(40),
        type varchar(16) NOT NULL CONSTRAINT fk_complaint_type REFERENCES complaint_route (type),
        subject varchar(12) NOT NULL CONSTRAINT ck_complaint_subject CHECK (subject IN ('CASE', 'WINDOW', 'STAFF', 'DEPARTMENT', 'FEE')),
        office varchar(12) NOT NULL,
        content text NOT NULL,
        case_id uuid CONSTRAINT fk_complaint_case REFERENCES service_case (id),
        window_id uuid,
        staff_id uuid,
        department_id uuid,
        contact_name varchar(50),
        contact_phone varchar(20),
        account_id uuid,
        state varchar(10) NOT NULL CONSTRAINT ck_complaint_state CHECK (state IN ('SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'ANSWERED', 'CLOSED')),
        clock_id uuid NOT NULL,
        filed_at timestamptz NOT NULL,
        answer text,
        answered_at timestamptz,
        finding varchar(16) CONSTRAINT ck_complaint_finding CHECK (finding IN ('SUBSTANTIATED', 'UNSUBSTANTIATED')),
        conclusion text,
        closed_at timestamptz,
        card_id uuid,
        complainant_level smallint CONSTRAINT ck_complaint_level CHECK (complainant_level BETWEEN 1 AND 5),
        complainant_comment text
      )`);
    await q.query(`CREATE INDEX ix_complaint_state ON complaint (state, filed_at DESC)`);
    await q.query(`CREATE INDEX ix_complaint_department ON complaint (department_id, filed_at DESC)`);
    await q.query(`
      CREATE TABLE complaint_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complaint_id uuid NOT NULL CONSTRAINT fk_complaint_step_complaint REFERENCES complaint (id),
        action varchar(10) NOT NULL,
        actor_id uuid,
        actor_name varchar(50) NOT NULL,
        at timestamptz NOT NULL,
        note text
      )`);
    await q.query(`CREATE INDEX ix_complaint_step_complaint ON complaint_step (complaint_id, at)`);
    await q.query(`
      CREATE TABLE assessment_scheme (
        version serial PRIMARY KEY,
        state varchar(12) NOT NULL CONSTRAINT ck_assessment_scheme_state CHECK (state IN ('PROPOSED', 'IN_FORCE', 'SUPERSEDED', 'REJECTED')),
        body jsonb NOT NULL,
        proposed_by uuid,
        proposed_by_name varchar(50),
        proposed_at timestamptz NOT NULL,
        decided_by uuid,
        decided_by_name varchar(50),
        decided_at timestamptz,
        decision_note text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_assessment_scheme_in_force ON assessment_scheme (state) WHERE state IN ('IN_FORCE', 'PROPOSED')`,
    );
    await q.query(
      `INSERT INTO assessment_scheme (state, body, proposed_by_name, proposed_at, decided_by_name, decided_at, decision_note)
       VALUES ('IN_FORCE', $1, '系统', now(), '系统', now(), '初始方案：按时办结 40、即办 20、满意 30、差评按时整改 10 分；每张牌扣 2 分，每件属实投诉扣 5 分')`,
      [
        JSON.stringify({
          weights: { onTimeRate: 40, onTheSpotRate: 20, satisfactionRate: 30, rectifiedOnTimeRate: 10 },
          cardPenalty: 2,
          complaintPenalty: 5,
          minimums: { onTimeRate: 0.98, satisfactionRate: 0.95 },
          minConcluded: 5,
          note: '初始方案',
        }),
      ],
    );
    await q.query(`
      CREATE TABLE award (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL CONSTRAINT ck_award_kind CHECK (kind IN ('RED_FLAG_WINDOW', 'SERVICE_STAR')),
        period varchar(8) NOT NULL,
        subject_id uuid NOT NULL,
        subject_name varchar(100) NOT NULL,
        score numeric(8, 2) NOT NULL,
        scheme_version int NOT NULL,
        confirmed_by uuid NOT NULL,
        confirmed_by_name varchar(50) NOT NULL,
        confirmed_at timestamptz NOT NULL,
        note text NOT NULL,
        CONSTRAINT uq_award UNIQUE (kind, period, subject_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'award',
      'assessment_scheme',
      'complaint_step',
      'complaint',
      'complaint_route',
      'rating_appeal',
      'rectification',
      'rating',
      'service_event',
      'rating_terminal',
    ])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    await q.query(`DROP SEQUENCE IF EXISTS complaint_number_seq`);
  }
}
