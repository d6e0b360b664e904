import type {
  ApplicantKind,
  CaseAction,
  CaseChannel,
  CaseMaterialStatus,
  CaseNoticeKind,
  CaseState,
  CompletionCode,
  DeliveryMethod,
  StepResultCode,
  SupplementItemDto,
} from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';
import type { PdfSpec } from '../../platform/documents/pdf-renderer.js';

/**
 * A case (办件) from the moment it is received (or saved as an online draft) to its completion.
 * It holds the exact matter version it was received under, its three clocks, and its outcome.
 */
@Entity('service_case')
@Unique('uq_service_case_receipt_no', ['receiptNo'])
@Unique('uq_service_case_case_no', ['caseNo'])
@Index('ix_service_case_department_state', ['departmentId', 'state'])
@Index('ix_service_case_applicant', ['applicantAccountId'])
@Index('ix_service_case_key_project', ['keyProjectId'], { where: 'key_project_id IS NOT NULL' })
@Index('ix_service_case_bundle', ['bundleId'], { where: 'bundle_id IS NOT NULL' })
@Check(
  'ck_service_case_state',
  `state IN ('DRAFT', 'SUBMITTED', 'SUPPLEMENT_REQUIRED', 'IN_REVIEW', 'SUSPENDED', 'APPROVED', 'DENIED', 'COMPLETED', 'REJECTED', 'WITHDRAWN')`,
)
export class CaseEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 收件编号, given at receipt. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  receiptNo: string | null;

  /** 办件编号, given at acceptance. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  caseNo: string | null;

  /** 查询码: with the receipt or case number, opens the public progress page. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  queryCode: string | null;

  @Column({ type: 'uuid' })
  matterId: string;

  @Column({ type: 'uuid' })
  matterVersionId: string;

  @Column({ type: 'varchar', length: 16 })
  matterCode: string;

  @Column({ type: 'int' })
  matterVersionNo: number;

  @Column({ type: 'varchar', length: 100 })
  matterName: string;

  @Column({ type: 'varchar', length: 12 })
  handlingKind: string;

  @Column({ type: 'uuid' })
  departmentId: string;

  @Column({ type: 'varchar', length: 8 })
  channel: CaseChannel;

  @Column({ type: 'varchar', length: 24 })
  state: CaseState;

  /** The portal account that applied online (null for a walk-in). */
  @Column({ type: 'uuid', nullable: true })
  applicantAccountId: string | null;

  @Column({ type: 'varchar', length: 16 })
  applicantKind: ApplicantKind;

  @Column({ type: 'varchar', length: 100 })
  applicantName: string;

  /** Encrypted at rest; shown masked. */
  @Column({ type: 'text' })
  applicantIdNumber: string;

  @Column({ type: 'varchar', length: 50 })
  contactName: string;

  @Column({ type: 'text' })
  contactPhone: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  applicantAddress: string | null;

  /** 项目代码 of the investment project, as the application gave it. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  projectCode: string | null;

  /** 一件事一次办: the bundle the case is one part of. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => CaseBundleEntity, { name: 'fk_service_case_bundle' })
  bundleId: string | null;

  /** 绿色通道: the key project the case was accepted under (fixed at acceptance). */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => KeyProjectEntity, { name: 'fk_service_case_key_project' })
  keyProjectId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  receivedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  deemedAccepted: boolean;

  @Column({ type: 'date', nullable: true })
  deferredPromiseDate: string | null;

  @Column({ type: 'boolean', default: false })
  deferredPromiseMissed: boolean;

  /** The one supplement notice's items (一次性告知). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  supplementItems: SupplementItemDto[];

  @Column({ type: 'timestamptz', nullable: true })
  supplementNoticeAt: Date | null;

  @Column({ type: 'boolean', nullable: true })
  approved: boolean | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'text', nullable: true })
  decisionBasis: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** 上报件: the higher authority it was forwarded to (转报), when, and the number of the authority's decision. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  forwardedTo: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  forwardedAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  forwardDocumentNo: string | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  deliveryMethod: DeliveryMethod | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  deliveryCarrier: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  deliveryTrackingNo: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  certificateNo: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  completionCode: CompletionCode | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** An extension asked for and waiting for the department lead. */
  @Column({ type: 'jsonb', nullable: true })
  pendingExtension: {
    days: number;
    reason: string;
    requestedBy: string;
    requestedByName: string;
    requestedAt: string;
  } | null;

  @Column({ type: 'uuid', nullable: true })
  acceptanceClockId: string | null;

  @Column({ type: 'uuid', nullable: true })
  caseClockId: string | null;

  @Column({ type: 'uuid', nullable: true })
  deliveryClockId: string | null;
}

/** One item of a bundle's combined form, as fixed when the bundle was started: the parts' materials it stands for. */
export interface BundleItemSpec {
  index: number;
  key: string | null;
  name: string;
  required: boolean;
  deferrable: boolean;
  parts: { caseId: string; materialIndex: number }[];
}

/**
 * 一件事一次办: one application for a life event, its cases (one per matter) pointing to it. Where it stands is read
 * off its cases' states; it holds the number and query code the applicant follows it by, and the combined form.
 */
@Entity('case_bundle')
@Unique('uq_case_bundle_no', ['bundleNo'])
@Index('ix_case_bundle_applicant', ['applicantAccountId'])
export class CaseBundleEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 一件事编号, given at receipt. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  bundleNo: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  queryCode: string | null;

  @Column({ type: 'varchar', length: 8 })
  lifeEventCode: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  channel: CaseChannel;

  @Column({ type: 'uuid', nullable: true })
  applicantAccountId: string | null;

  @Column({ type: 'jsonb' })
  items: BundleItemSpec[];

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;
}

/**
 * 重点项目: an applicant's investment project that CENTER_ADMIN put on the green channel, with the reason. Matched at
 * acceptance by project code and the applicant's ID (its keyed hash: the ID itself is stored encrypted only).
 */
@Entity('key_project')
@Index('uq_key_project_active_code', ['projectCode'], { unique: true, where: 'revoked_at IS NULL' })
export class KeyProjectEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 24 })
  projectCode: string;

  @Column({ type: 'varchar', length: 100 })
  projectName: string;

  @Column({ type: 'varchar', length: 100 })
  applicantName: string;

  @Column({ type: 'text' })
  applicantIdNumber: string;

  @Column({ type: 'varchar', length: 64 })
  applicantIdHash: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'uuid' })
  markedBy: string;

  @Column({ type: 'varchar', length: 50 })
  markedByName: string;

  @Column({ type: 'timestamptz' })
  markedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  revokedByName: string | null;

  @Column({ type: 'text', nullable: true })
  revokeReason: string | null;
}

/** Each material the matter version lists, and what the applicant or clerk said of it. */
@Entity('case_material')
@Unique('uq_case_material', ['caseId', 'materialIndex'])
export class CaseMaterialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => CaseEntity, { name: 'fk_case_material_case' })
  caseId: string;

  @Column({ type: 'int' })
  materialIndex: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'boolean' })
  required: boolean;

  /** May be deferred under 容缺 (the column avoids the SQL keyword DEFERRABLE). */
  @Column({ type: 'boolean', name: 'may_defer' })
  deferrable: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: CaseMaterialStatus;

  @Column({ type: 'uuid', nullable: true })
  fileId: string | null;

  @Column({ type: 'varchar', length: 160, nullable: true })
  fileName: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  suppliedAt: Date | null;
}

/** One step of the case's record: who did what, when, for whom, with which notice. Never changed. */
@Entity('case_step')
@Unique('uq_case_step_seq', ['caseId', 'seq'])
export class CaseStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => CaseEntity, { name: 'fk_case_step_case' })
  caseId: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 24 })
  action: CaseAction;

  @Column({ type: 'varchar', length: 24, nullable: true })
  fromState: CaseState | null;

  @Column({ type: 'varchar', length: 24 })
  toState: CaseState;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 50 })
  actorName: string;

  @Column({ type: 'uuid', nullable: true })
  actingForId: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  actingForName: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  resultCode: StepResultCode | null;

  @Column({ type: 'uuid', nullable: true })
  noticeId: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, unknown>;
}

/** A notice issued on the case, frozen as issued: the PDF given to the applicant is rendered from it. */
@Entity('case_notice')
@Index('ix_case_notice_case', ['caseId'])
export class CaseNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => CaseEntity, { name: 'fk_case_notice_case' })
  caseId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: CaseNoticeKind;

  /** The document exactly as issued (rendered to PDF on download, always the same). */
  @Column({ type: 'jsonb' })
  content: PdfSpec;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** Per-scope daily counters for receipt and case numbers. */
@Entity('case_sequence')
export class CaseSequenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  scope: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'int' })
  value: number;
}
