import type { ClockDto, ClockSubjectKind, PauseReason } from '../dto/clock.js';
import type { CaseAction, CaseState, CompletionCode, StepResultCode } from './case-state.js';
import type { InspectionDto, SubtaskDto, SubtaskState } from './subtask.js';

export const CaseChannel = { ONLINE: 'ONLINE', WINDOW: 'WINDOW' } as const;
export type CaseChannel = (typeof CaseChannel)[keyof typeof CaseChannel];
export const CASE_CHANNEL_LABELS: Record<CaseChannel, string> = { ONLINE: '网上申请', WINDOW: '窗口收件' };

/** 自然人 (resident ID number) or 法人及其他组织 (unified social credit code). */
export const ApplicantKind = { PERSON: 'PERSON', ORGANIZATION: 'ORGANIZATION' } as const;
export type ApplicantKind = (typeof ApplicantKind)[keyof typeof ApplicantKind];

export interface CaseApplicantInput {
  kind: ApplicantKind;
  name: string;
  /** Resident ID number for a person, unified social credit code for an organisation. */
  idNumber: string;
  /** The person who handles it (经办人) for an organisation; the applicant for a person. */
  contactName: string;
  phone: string;
  address?: string;
  /** 项目代码 of the investment project the application belongs to (投资项目在线审批监管平台 code), if any. */
  projectCode?: string | null;
}

/** An empty applicant form. */
export function blankApplicant(kind: ApplicantKind = ApplicantKind.PERSON): CaseApplicantInput {
  return { kind, name: '', idNumber: '', contactName: '', phone: '', address: '', projectCode: '' };
}

/**
 * What an applicant form sends: a person handles their own application (the contact is the applicant unless named),
 * an empty address is none, and a project code belongs to an organisation only.
 */
export function applicantToSend(a: CaseApplicantInput): CaseApplicantInput {
  return {
    ...a,
    contactName: a.contactName || a.name,
    address: a.address || undefined,
    projectCode: (a.kind === ApplicantKind.ORGANIZATION && a.projectCode?.trim()) || null,
  };
}

/** The national investment project code: year-region-industry-type-serial, e.g. 2026-330102-47-01-123456. */
export const PROJECT_CODE_PATTERN = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

/** What the applicant or clerk says of each listed material. */
export const CaseMaterialStatus = {
  /** Uploaded online, or handed in at the window. */
  PROVIDED: 'PROVIDED',
  ORIGINAL_SEEN: 'ORIGINAL_SEEN',
  COPY_KEPT: 'COPY_KEPT',
  MISSING: 'MISSING',
  /** To be supplied later under 容缺受理. */
  DEFERRED: 'DEFERRED',
} as const;
export type CaseMaterialStatus = (typeof CaseMaterialStatus)[keyof typeof CaseMaterialStatus];
export const CASE_MATERIAL_STATUS_LABELS: Record<CaseMaterialStatus, string> = {
  PROVIDED: '已提交',
  ORIGINAL_SEEN: '已核验原件',
  COPY_KEPT: '已收复印件',
  MISSING: '缺少',
  DEFERRED: '容缺后补',
};

export interface CaseMaterialInput {
  index: number;
  status: CaseMaterialStatus;
}

export interface CaseMaterialDto {
  index: number;
  name: string;
  required: boolean;
  deferrable: boolean;
  status: CaseMaterialStatus;
  fileId: string | null;
  fileName: string | null;
  /** When it was supplied after a supplement notice or a 容缺 promise. */
  suppliedAt: string | null;
}

export const CaseNoticeKind = {
  RECEIPT_VOUCHER: 'RECEIPT_VOUCHER',
  ACCEPTANCE_NOTICE: 'ACCEPTANCE_NOTICE',
  REJECTION_NOTICE: 'REJECTION_NOTICE',
  SUPPLEMENT_NOTICE: 'SUPPLEMENT_NOTICE',
  SPECIAL_PROCEDURE_NOTICE: 'SPECIAL_PROCEDURE_NOTICE',
  EXTENSION_NOTICE: 'EXTENSION_NOTICE',
  DECISION: 'DECISION',
  DELIVERY_RECEIPT: 'DELIVERY_RECEIPT',
} as const;
export type CaseNoticeKind = (typeof CaseNoticeKind)[keyof typeof CaseNoticeKind];
export const CASE_NOTICE_LABELS: Record<CaseNoticeKind, string> = {
  RECEIPT_VOUCHER: '收件回执',
  ACCEPTANCE_NOTICE: '受理通知书',
  REJECTION_NOTICE: '不予受理通知书',
  SUPPLEMENT_NOTICE: '补正材料通知书',
  SPECIAL_PROCEDURE_NOTICE: '特别程序告知书',
  EXTENSION_NOTICE: '延期告知书',
  DECISION: '决定书',
  DELIVERY_RECEIPT: '送达回证',
};

export interface CaseNoticeDto {
  id: string;
  kind: CaseNoticeKind;
  title: string;
  createdAt: string;
}

export interface CaseStepDto {
  seq: number;
  action: CaseAction;
  fromState: CaseState | null;
  toState: CaseState;
  actorName: string;
  /** AB-post: the away colleague this actor acted for. */
  actingForName: string | null;
  at: string;
  opinion: string | null;
  resultCode: StepResultCode | null;
  noticeId: string | null;
}

export const CaseTaskKind = { REVIEW: 'REVIEW', DECIDE: 'DECIDE' } as const;
export type CaseTaskKind = (typeof CaseTaskKind)[keyof typeof CaseTaskKind];
export const CASE_TASK_LABELS: Record<CaseTaskKind, string> = { REVIEW: '审查', DECIDE: '决定' };
export type CaseTaskState = 'WAITING' | 'OPEN' | 'DONE' | 'CANCELLED';

export interface CaseTaskDto {
  id: string;
  kind: CaseTaskKind;
  state: CaseTaskState;
  departmentId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  opinion: string | null;
  agreed: boolean | null;
  completedByName: string | null;
  actingForName: string | null;
  completedAt: string | null;
  /** 决定 over a co-department's 不同意: why the lead approved anyway (audited, shown to supervision). */
  overrideReason: string | null;
}

export interface SupplementItemDto {
  /** A listed material, or null for a free-text item. */
  materialIndex: number | null;
  text: string;
}

export const DeliveryMethod = { PICKUP: 'PICKUP', MAIL: 'MAIL', ELECTRONIC: 'ELECTRONIC' } as const;
export type DeliveryMethod = (typeof DeliveryMethod)[keyof typeof DeliveryMethod];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  PICKUP: '窗口领取',
  MAIL: '邮寄',
  ELECTRONIC: '电子送达',
};

export interface CaseDto {
  id: string;
  receiptNo: string | null;
  caseNo: string | null;
  queryCode: string | null;
  matterCode: string;
  matterName: string;
  matterVersionNo: number;
  handlingKind: string;
  departmentId: string;
  channel: CaseChannel;
  state: CaseState;
  /** ID number always masked; the phone masked for the applicant's own view, in full for the department's staff who call back. */
  applicant: {
    kind: ApplicantKind;
    name: string;
    idNumberMasked: string;
    /** In full only on the applicant's own draft (and the phone then unmasked), so a reloaded form keeps them. */
    idNumber?: string;
    contactName: string;
    phone: string;
    address: string | null;
  };
  projectCode: string | null;
  /** 一件事一次办: the bundle the case is one part of. */
  bundle: { id: string; bundleNo: string | null; name: string } | null;
  /** 绿色通道: the key project the case was accepted under (its clocks run on the green-channel limit). */
  keyProject: { id: string; projectName: string } | null;
  materials: CaseMaterialDto[];
  receivedAt: string | null;
  acceptedAt: string | null;
  deemedAccepted: boolean;
  /** 容缺受理: the date the applicant promised to supply the deferred materials. */
  deferredPromiseDate: string | null;
  deferredPromiseMissed: boolean;
  supplementItems: SupplementItemDto[];
  decision: { approved: boolean; reason: string; legalBasis: string | null; decidedAt: string } | null;
  /** 上报件: where and when it was forwarded (转报); the decision above is then the higher authority's. */
  forwarding: { authority: string; forwardedAt: string; documentNo: string | null } | null;
  delivery: {
    method: DeliveryMethod;
    carrier: string | null;
    trackingNo: string | null;
    certificateNo: string | null;
    deliveredAt: string;
  } | null;
  completionCode: CompletionCode | null;
  pendingExtension: { days: number; reason: string; requestedByName: string; requestedAt: string } | null;
  acceptanceClock: ClockDto | null;
  caseClock: ClockDto | null;
  deliveryClock: ClockDto | null;
  tasks: CaseTaskDto[];
  /** 并联审批: the co-departments' sub-tasks, returned ones and their successors included (empty unless joint). */
  subtasks: SubtaskDto[];
  /** 联合踏勘 arranged on the case, with each department's findings. */
  inspections: InspectionDto[];
  steps: CaseStepDto[];
  notices: CaseNoticeDto[];
  /** Actions the case's state allows now (the caller's role is checked when acting). */
  allowedActions: CaseAction[];
  version: number;
}

/** A case's three clocks, by the field that holds each. */
export type CaseClockSlot = 'acceptanceClock' | 'caseClock' | 'deliveryClock';

/**
 * Which clock of a case is "the running one" (running, or paused by a special procedure or a supplement): the one
 * rule, by the case's state. Acceptance before the decision to accept, the case clock in review, delivery after
 * the decision; none before submission or once the case is closed. The server's queues use the same table in SQL.
 */
export const RUNNING_CLOCK_OF_STATE: Record<CaseState, CaseClockSlot | null> = {
  DRAFT: null,
  SUBMITTED: 'acceptanceClock',
  SUPPLEMENT_REQUIRED: 'acceptanceClock',
  IN_REVIEW: 'caseClock',
  SUSPENDED: 'caseClock',
  // The higher authority's time is not the center's: no clock of the case runs while it decides.
  FORWARDED: null,
  APPROVED: 'deliveryClock',
  DENIED: 'deliveryClock',
  COMPLETED: null,
  REJECTED: null,
  WITHDRAWN: null,
};

/** The clock running now (or paused), by RUNNING_CLOCK_OF_STATE. */
export function runningClock(c: Pick<CaseDto, 'state' | CaseClockSlot>): ClockDto | null {
  const slot = RUNNING_CLOCK_OF_STATE[c.state];
  return slot ? c[slot] : null;
}

/** How urgent an open case is, from its running clock. */
export type ClockStanding = 'NORMAL' | 'WARNING' | 'OVERDUE' | 'PAUSED' | 'NONE';

/** How a clock stands at `now`: the rule the queues apply in SQL, for a clock the page already holds. */
export function clockStanding(clock: ClockDto | null, now: Date): ClockStanding {
  if (!clock || clock.state === 'STOPPED') return 'NONE';
  if (clock.state === 'PAUSED') return 'PAUSED';
  if (new Date(clock.dueAt) <= now) return 'OVERDUE';
  return new Date(clock.warnAt) <= now ? 'WARNING' : 'NORMAL';
}

export interface CaseSummaryDto {
  id: string;
  receiptNo: string | null;
  caseNo: string | null;
  matterName: string;
  departmentId: string;
  applicantName: string;
  channel: CaseChannel;
  state: CaseState;
  receivedAt: string | null;
  /** The running clock's due time (acceptance, case or delivery), if any. */
  dueAt: string | null;
  standing: ClockStanding;
  /** 绿色通道: accepted under a key project (such cases head every queue). */
  greenChannel: boolean;
  /** 一件事: the bundle it is a part of. */
  bundleId: string | null;
}

/** The staff work queues. */
export const CaseQueue = {
  TO_ACCEPT: 'TO_ACCEPT',
  SUPPLEMENT: 'SUPPLEMENT',
  TO_REVIEW: 'TO_REVIEW',
  TO_DECIDE: 'TO_DECIDE',
  TO_DELIVER: 'TO_DELIVER',
  SUSPENDED: 'SUSPENDED',
  FORWARDED: 'FORWARDED',
} as const;
export type CaseQueue = (typeof CaseQueue)[keyof typeof CaseQueue];
export const CASE_QUEUE_LABELS: Record<CaseQueue, string> = {
  TO_ACCEPT: '待受理',
  SUPPLEMENT: '待补正',
  TO_REVIEW: '待审查',
  TO_DECIDE: '待决定',
  TO_DELIVER: '待送达',
  SUSPENDED: '特别程序',
  FORWARDED: '已转报',
};

export interface CaseQueueCountsDto {
  queue: CaseQueue;
  total: number;
  warning: number;
  overdue: number;
}

export interface StartOnlineCaseRequest {
  matterCode: string;
}
export interface SaveCaseDraftRequest {
  applicant: CaseApplicantInput;
  materials: CaseMaterialInput[];
}
export interface WalkInCaseRequest {
  matterCode: string;
  applicant: CaseApplicantInput;
  materials: CaseMaterialInput[];
}
export interface AcceptCaseRequest {
  /** 容缺受理: the promised date (YYYY-MM-DD) to supply the deferred materials. */
  deferredPromiseDate?: string;
  opinion?: string;
}
export interface RejectCaseRequest {
  reason: string;
  legalBasis: string;
}
export interface SupplementCaseRequest {
  items: SupplementItemDto[];
}
export interface SupplyCaseRequest {
  /** Materials now supplied (uploaded online, or handed in at the window). */
  materialIndexes: number[];
}
export interface ReviewCaseRequest {
  agree: boolean;
  opinion: string;
}
export interface SuspendCaseRequest {
  kind: PauseReason;
  /** Working days the procedure is expected to take, told to the applicant. */
  expectedDays: number;
  notice: string;
}
export interface RequestExtensionRequest {
  days: number;
  reason: string;
}
export interface DecideCaseRequest {
  approve: boolean;
  reason: string;
  /** Required for a denial. */
  legalBasis?: string;
  /** Required to approve when a co-department said 不同意: why the lead overrides it. */
  overrideReason?: string;
}
/** 转报: a 上报件, reviewed locally, goes to the higher authority that decides it. */
export interface ForwardCaseRequest {
  /** The higher authority, e.g. 省人民政府. */
  authority: string;
  /** The local review's opinion sent with it (初审意见). */
  opinion: string;
}
/** The higher authority's decision on a forwarded case, recorded as it came back. */
export interface ForwardAnswerRequest {
  approve: boolean;
  reason: string;
  /** Required for a denial. */
  legalBasis?: string;
  /** The authority's document number (批复文号). */
  documentNo: string;
}
export interface DeliverCaseRequest {
  method: DeliveryMethod;
  carrier?: string;
  trackingNo?: string;
  certificateNo?: string;
}
export interface WithdrawCaseRequest {
  reason: string;
}

/** What anyone with the number and query code may see: no personal data unmasked. */
export interface PublicProgressDto {
  receiptNo: string | null;
  caseNo: string | null;
  matterName: string;
  applicantName: string;
  state: CaseState;
  stateLabel: string;
  receivedAt: string | null;
  dueDate: string | null;
  dueLabel: string | null;
  /** Which clock `dueDate` is of, and whether it stands paused (what `dueLabel` says in words). */
  dueSubject: ClockSubjectKind | null;
  duePaused: boolean;
  steps: { action: CaseAction; label: string; at: string; resultCode: StepResultCode | null; result: string | null }[];
  notices: { id: string; kind: CaseNoticeKind; title: string; createdAt: string }[];
  /** 并联审批: each co-department's part (its latest sub-task), without names of staff or opinions. */
  coDepartments: CoDepartmentProgressDto[];
}

export interface CoDepartmentProgressDto {
  departmentName: string;
  state: SubtaskState;
  stateLabel: string;
  endedAt: string | null;
}
