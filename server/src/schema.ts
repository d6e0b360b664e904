import { ApplicantEntity } from './modules/applicant/applicant.entity.js';
import { DepartmentEntity } from './modules/organization/department.entity.js';
import { ServiceWindowEntity } from './modules/organization/service-window.entity.js';
import { StaffEntity } from './modules/organization/staff.entity.js';
import { AuditChainHeadEntity, AuditEntryEntity } from './platform/audit/audit-entry.entity.js';
import { AuthSessionEntity } from './platform/auth/auth-session.entity.js';
import { CredentialEntity } from './platform/auth/credential.entity.js';
import { StoredFileEntity } from './platform/files/stored-file.entity.js';
import { CatalogAttachments1764100000000 } from './migrations/1764100000000-catalog-attachments.js';
import { Cases1764200000000 } from './migrations/1764200000000-cases.js';
import { CaseReadPaths1764300000000 } from './migrations/1764300000000-case-read-paths.js';
import { Supervision1764400000000 } from './migrations/1764400000000-supervision.js';
import { CardPolicy1764500000000 } from './migrations/1764500000000-card-policy.js';
import { AuditSealing1764600000000 } from './migrations/1764600000000-audit-sealing.js';
import { CardEntity, CardEventEntity, SweepRunEntity, UrgeEntity } from './modules/supervision/supervision.entities.js';
import {
  CaseEntity,
  CaseMaterialEntity,
  CaseNoticeEntity,
  CaseSequenceEntity,
  CaseStepEntity,
  KeyProjectEntity,
  CaseBundleEntity,
} from './modules/acceptance/case.entities.js';
import { Foundation1763800000000 } from './migrations/1763800000000-foundation.js';
import { CalendarClocks1763900000000 } from './migrations/1763900000000-calendar-clocks.js';
import { CatalogFees1764000000000 } from './migrations/1764000000000-catalog-fees.js';
import {
  CatalogRevisionEntity,
  LifeEventEntity,
  MatterEntity,
  MatterVersionEntity,
} from './modules/catalog/catalog.entities.js';
import {
  CaseInspectionEntity,
  CaseInspectionPartEntity,
  CaseSubtaskEntity,
  CaseTaskEntity,
} from './modules/approval/approval.entities.js';
import { FeeItemEntity } from './modules/catalog/fee-item.entity.js';
import {
  CalendarDayEntity,
  CalendarRevisionEntity,
  CalendarYearEntity,
  ClockEntity,
  ClockExtensionEntity,
  ClockPauseEntity,
  DeadlinePolicyEntity,
} from './modules/calendar/calendar.entities.js';
import { SweepRunRunning1764700000000 } from './migrations/1764700000000-sweep-run-running.js';
import { ParallelApproval1764800000000 } from './migrations/1764800000000-parallel-approval.js';
import { GreenChannel1764900000000 } from './migrations/1764900000000-green-channel.js';
import { Bundles1765000000000 } from './migrations/1765000000000-bundles.js';
import { Integration1765100000000 } from './migrations/1765100000000-integration.js';
import { Webhooks1765200000000 } from './migrations/1765200000000-webhooks.js';
import { Forwarding1765300000000 } from './migrations/1765300000000-forwarding.js';
import { Fees1765400000000 } from './migrations/1765400000000-fees.js';
import { Evaluation1765500000000 } from './migrations/1765500000000-evaluation.js';
import { ActorNames1765600000000 } from './migrations/1765600000000-actor-names.js';
import {
  RatingTerminalEntity,
  ServiceEventEntity,
  RatingEntity,
  RectificationEntity,
  RatingAppealEntity,
  ComplaintRouteEntity,
  ComplaintEntity,
  ComplaintStepEntity,
  AssessmentSchemeEntity,
  AwardEntity,
} from './modules/evaluation/evaluation.entities.js';
import {
  BankStatementEntity,
  BankStatementLineEntity,
  FeeAdjustmentEntity,
  FeePaymentEntity,
  FeeReceiptEntity,
  PaymentNoticeEntity,
  ReceiptBookEntity,
  ReconciliationItemEntity,
} from './modules/fees/fees.entities.js';
import { OutboxEventEntity } from './platform/outbox/outbox-event.entity.js';
import {
  ApiClientEntity,
  ApiClientSecretEntity,
  IdempotencyKeyEntity,
} from './modules/integration/integration.entities.js';
import {
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookDispatchEntity,
  WebhookEndpointEntity,
} from './modules/integration/webhook.entities.js';

/** Every table-backed entity, by owner. A new entity is listed here and gets a migration. */
export const ENTITIES = [
  // platform
  CredentialEntity,
  AuthSessionEntity,
  AuditEntryEntity,
  AuditChainHeadEntity,
  StoredFileEntity,
  OutboxEventEntity,
  // organization
  DepartmentEntity,
  ServiceWindowEntity,
  StaffEntity,
  // applicant
  ApplicantEntity,
  // calendar
  CalendarDayEntity,
  CalendarYearEntity,
  CalendarRevisionEntity,
  DeadlinePolicyEntity,
  ClockEntity,
  ClockPauseEntity,
  ClockExtensionEntity,
  // catalog
  FeeItemEntity,
  MatterEntity,
  MatterVersionEntity,
  CatalogRevisionEntity,
  LifeEventEntity,
  // acceptance
  CaseEntity,
  CaseMaterialEntity,
  CaseStepEntity,
  CaseNoticeEntity,
  CaseSequenceEntity,
  KeyProjectEntity,
  CaseBundleEntity,
  // approval
  CaseTaskEntity,
  CaseSubtaskEntity,
  CaseInspectionEntity,
  CaseInspectionPartEntity,
  // supervision
  CardEntity,
  CardEventEntity,
  SweepRunEntity,
  UrgeEntity,
  // integration
  ApiClientEntity,
  ApiClientSecretEntity,
  IdempotencyKeyEntity,
  WebhookEndpointEntity,
  WebhookDispatchEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  // fees
  PaymentNoticeEntity,
  FeePaymentEntity,
  ReceiptBookEntity,
  FeeReceiptEntity,
  FeeAdjustmentEntity,
  BankStatementEntity,
  BankStatementLineEntity,
  ReconciliationItemEntity,
  // evaluation
  RatingTerminalEntity,
  ServiceEventEntity,
  RatingEntity,
  RectificationEntity,
  RatingAppealEntity,
  ComplaintRouteEntity,
  ComplaintEntity,
  ComplaintStepEntity,
  AssessmentSchemeEntity,
  AwardEntity,
];

/** In order. Never edit one that has shipped; add the next. */
export const MIGRATIONS = [
  Foundation1763800000000,
  CalendarClocks1763900000000,
  CatalogFees1764000000000,
  CatalogAttachments1764100000000,
  Cases1764200000000,
  CaseReadPaths1764300000000,
  Supervision1764400000000,
  CardPolicy1764500000000,
  AuditSealing1764600000000,
  SweepRunRunning1764700000000,
  ParallelApproval1764800000000,
  GreenChannel1764900000000,
  Bundles1765000000000,
  Integration1765100000000,
  Webhooks1765200000000,
  Forwarding1765300000000,
  Fees1765400000000,
  Evaluation1765500000000,
  ActorNames1765600000000,
];
