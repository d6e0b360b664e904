import type {
  AppealState,
  AssessmentSchemeBody,
  AwardKind,
  ComplaintChannel,
  ComplaintFinding,
  ComplaintOffice,
  ComplaintState,
  ComplaintSubject,
  ComplaintType,
  RatingChannel,
  RectificationState,
  ServiceEventKind,
  SchemeState,
} from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** 评价器: a tablet facing the applicant at one window, bound by a token the clerk's desk issued (kept as a hash). */
@Entity('rating_terminal')
@Unique('uq_rating_terminal_token', ['tokenHash'])
@Index('ix_rating_terminal_window', ['windowId'])
export class RatingTerminalEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' })
  @ForeignKey('ServiceWindowEntity', { name: 'fk_rating_terminal_window' })
  windowId: string;
  @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ type: 'uuid' }) issuedBy: string;
  @Column({ type: 'varchar', length: 50 }) issuedByName: string;
  @Column({ type: 'timestamptz' }) issuedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastSeenAt: Date | null;
}

/**
 * A service a clerk ended at a window (收件, 受理, 送达, 咨询): what the window's terminal asks to be rated. A newer
 * event of the same case at the same window supersedes an unrated older one (one sitting, one rating).
 */
@Entity('service_event')
@Index('ix_service_event_window', ['windowId', 'endedAt'])
@Check('ck_service_event_kind', `kind IN ('RECEIPT', 'ACCEPTANCE', 'DELIVERY', 'CONSULTATION')`)
export class ServiceEventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 16 }) kind: ServiceEventKind;
  @Column({ type: 'uuid' })
  @ForeignKey('ServiceWindowEntity', { name: 'fk_service_event_window' })
  windowId: string;
  @Column({ type: 'uuid' }) staffId: string;
  @Column({ type: 'varchar', length: 50 }) staffName: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('CaseEntity', { name: 'fk_service_event_case' })
  caseId: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) matterName: string | null;
  @Column({ type: 'timestamptz' }) endedAt: Date;
  @Column({ type: 'boolean', default: false }) superseded: boolean;
}

/**
 * One rating: of a service event at the counter (一次一评) or of a case online (一事一评). Who gave it
 * (`raterAccountId`, online only) is never shown to those rated. Never deleted; an upheld appeal sets `excluded`.
 */
@Entity('rating')
@Unique('uq_rating_service_event', ['serviceEventId'])
@Index('uq_rating_online_case', ['caseId'], { unique: true, where: `channel = 'ONLINE'` })
@Index('ix_rating_rated_at', ['ratedAt'])
@Index('ix_rating_department', ['departmentId', 'ratedAt'])
@Check('ck_rating_channel', `channel IN ('ONSITE', 'ONLINE')`)
@Check('ck_rating_level', `level BETWEEN 1 AND 5`)
@Check('ck_rating_bad_says_why', `level > 2 OR cardinality(problems) > 0`)
@Check('ck_rating_onsite_event', `channel <> 'ONSITE' OR service_event_id IS NOT NULL`)
@Check('ck_rating_online_case', `channel <> 'ONLINE' OR case_id IS NOT NULL`)
export class RatingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 8 }) channel: RatingChannel;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => ServiceEventEntity, { name: 'fk_rating_service_event' })
  serviceEventId: string | null;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('CaseEntity', { name: 'fk_rating_case' })
  caseId: string | null;
  @Column({ type: 'uuid', nullable: true }) windowId: string | null;
  @Column({ type: 'uuid', nullable: true }) staffId: string | null;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'smallint' }) level: number;
  @Column({ type: 'int' }) indicatorVersion: number;
  @Column({ type: 'jsonb' }) indicators: Record<string, number>;
  @Column({ type: 'text', array: true, default: () => `'{}'` }) problems: string[];
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column({ type: 'uuid', nullable: true }) raterAccountId: string | null;
  @Column({ type: 'timestamptz' }) ratedAt: Date;
  @Column({ type: 'boolean', default: false }) excluded: boolean;
}

/** A bad rating's follow-up: 回访 on one RECTIFICATION clock, then 整改 on another. */
@Entity('rectification')
@Unique('uq_rectification_rating', ['ratingId'])
@Index('ix_rectification_department', ['departmentId', 'state'])
@Check('ck_rectification_state', `state IN ('VISIT_PENDING', 'RECTIFYING', 'RECTIFIED', 'CANCELLED')`)
@Check('ck_rectification_follow_up', `follow_up_level BETWEEN 1 AND 5`)
export class RectificationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => RatingEntity, { name: 'fk_rectification_rating' })
  ratingId: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'varchar', length: 16 }) state: RectificationState;
  @Column({ type: 'uuid' }) visitClockId: string;
  @Column({ type: 'text', nullable: true }) visitNote: string | null;
  @Column({ type: 'timestamptz', nullable: true }) visitedAt: Date | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) visitedByName: string | null;
  @Column({ type: 'uuid', nullable: true }) rectifyClockId: string | null;
  @Column({ type: 'text', nullable: true }) rectifyNote: string | null;
  @Column({ type: 'timestamptz', nullable: true }) rectifiedAt: Date | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) rectifiedByName: string | null;
  @Column({ type: 'smallint', nullable: true }) followUpLevel: number | null;
  @Column({ type: 'text', nullable: true }) followUpComment: string | null;
  @Column({ type: 'timestamptz' }) openedAt: Date;
}

/** 申诉复核: the rated department's appeal against a rating, decided by a SUPERVISOR. One per rating. */
@Entity('rating_appeal')
@Index('uq_rating_appeal_rating', ['ratingId'], { unique: true })
@Check('ck_rating_appeal_state', `state IN ('PENDING', 'UPHELD', 'DISMISSED')`)
export class RatingAppealEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => RatingEntity, { name: 'fk_rating_appeal_rating' })
  ratingId: string;
  @Column({ type: 'uuid' }) departmentId: string;
  @Column({ type: 'varchar', length: 10 }) state: AppealState;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text' }) evidence: string;
  @Column({ type: 'uuid' }) appealedBy: string;
  @Column({ type: 'varchar', length: 50 }) appealedByName: string;
  @Column({ type: 'timestamptz' }) appealedAt: Date;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) decidedByName: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionReason: string | null;
}

/** Which office handles each complaint type (configurable by CENTER_ADMIN). */
@Entity('complaint_route')
@Check('ck_complaint_route_office', `office IN ('SUPERVISION', 'DISCIPLINE')`)
export class ComplaintRouteEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 }) type: ComplaintType;
  @Column({ type: 'varchar', length: 12 }) office: ComplaintOffice;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
  @Column({ type: 'varchar', length: 50, nullable: true }) updatedByName: string | null;
}

/** 投诉: filed online or registered by staff, on its COMPLAINT clock; followed by number + query code. */
@Entity('complaint')
@Unique('uq_complaint_number', ['number'])
@Index('ix_complaint_state', ['state', 'filedAt'])
@Index('ix_complaint_department', ['departmentId', 'filedAt'])
@Check('ck_complaint_channel', `channel IN ('ONLINE', 'HOTLINE', 'LETTER', 'IN_PERSON')`)
@Check('ck_complaint_subject', `subject IN ('CASE', 'WINDOW', 'STAFF', 'DEPARTMENT', 'FEE')`)
@Check('ck_complaint_state', `state IN ('SUBMITTED', 'ACCEPTED', 'ASSIGNED', 'ANSWERED', 'CLOSED')`)
@Check('ck_complaint_finding', `finding IN ('SUBSTANTIATED', 'UNSUBSTANTIATED')`)
@Check('ck_complaint_level', `complainant_level BETWEEN 1 AND 5`)
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 24 }) number: string;
  @Column({ type: 'varchar', length: 8 }) queryCode: string;
  @Column({ type: 'varchar', length: 10 }) channel: ComplaintChannel;
  @Column({ type: 'varchar', length: 40, nullable: true }) externalRef: string | null;
  @Column({ type: 'varchar', length: 16 })
  @ForeignKey(() => ComplaintRouteEntity, { name: 'fk_complaint_type' })
  type: ComplaintType;
  @Column({ type: 'varchar', length: 12 }) subject: ComplaintSubject;
  @Column({ type: 'varchar', length: 12 }) office: ComplaintOffice;
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('CaseEntity', { name: 'fk_complaint_case' })
  caseId: string | null;
  @Column({ type: 'uuid', nullable: true }) windowId: string | null;
  @Column({ type: 'uuid', nullable: true }) staffId: string | null;
  @Column({ type: 'uuid', nullable: true }) departmentId: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) contactName: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) contactPhone: string | null;
  @Column({ type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ type: 'varchar', length: 10 }) state: ComplaintState;
  @Column({ type: 'uuid' }) clockId: string;
  @Column({ type: 'timestamptz' }) filedAt: Date;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) finding: ComplaintFinding | null;
  @Column({ type: 'text', nullable: true }) conclusion: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) cardId: string | null;
  @Column({ type: 'smallint', nullable: true }) complainantLevel: number | null;
  @Column({ type: 'text', nullable: true }) complainantComment: string | null;
}

/** Every move of a complaint, with who made it: the record shows the whole story. */
@Entity('complaint_step')
@Index('ix_complaint_step_complaint', ['complaintId', 'at'])
export class ComplaintStepEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => ComplaintEntity, { name: 'fk_complaint_step_complaint' })
  complaintId: string;
  @Column({ type: 'varchar', length: 10 }) action: string;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 50 }) actorName: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text', nullable: true }) note: string | null;
}

/** The assessment scheme, versioned: CENTER_ADMIN proposes, a SUPERVISOR who did not propose it signs it off. */
@Entity('assessment_scheme')
@Index('uq_assessment_scheme_in_force', ['state'], { unique: true, where: `state IN ('IN_FORCE', 'PROPOSED')` })
@Check('ck_assessment_scheme_state', `state IN ('PROPOSED', 'IN_FORCE', 'SUPERSEDED', 'REJECTED')`)
export class AssessmentSchemeEntity {
  @PrimaryGeneratedColumn() version: number;
  @Column({ type: 'varchar', length: 12 }) state: SchemeState;
  @Column({ type: 'jsonb' }) body: AssessmentSchemeBody;
  @Column({ type: 'uuid', nullable: true }) proposedBy: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) proposedByName: string | null;
  @Column({ type: 'timestamptz' }) proposedAt: Date;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) decidedByName: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionNote: string | null;
}

/** 红旗窗口 / 服务标兵, confirmed by a SUPERVISOR from the scores of a period. */
@Entity('award')
@Unique('uq_award', ['kind', 'period', 'subjectId'])
@Check('ck_award_kind', `kind IN ('RED_FLAG_WINDOW', 'SERVICE_STAR')`)
export class AwardEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 16 }) kind: AwardKind;
  @Column({ type: 'varchar', length: 8 }) period: string;
  @Column({ type: 'uuid' }) subjectId: string;
  @Column({ type: 'varchar', length: 100 }) subjectName: string;
  @Column({ type: 'numeric', precision: 8, scale: 2 }) score: string;
  @Column({ type: 'int' }) schemeVersion: number;
  @Column({ type: 'uuid' }) confirmedBy: string;
  @Column({ type: 'varchar', length: 50 }) confirmedByName: string;
  @Column({ type: 'timestamptz' }) confirmedAt: Date;
  @Column({ type: 'text' }) note: string;
}
