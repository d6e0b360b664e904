import type { LimitUnit } from '../calendar/day-kind.js';

export const ClockSubjectKind = {
  ACCEPTANCE: 'ACCEPTANCE',
  CASE: 'CASE',
  SUBTASK: 'SUBTASK',
  DELIVERY: 'DELIVERY',
  COMPLAINT: 'COMPLAINT',
  RECTIFICATION: 'RECTIFICATION',
  URGE: 'URGE',
} as const;
export type ClockSubjectKind = (typeof ClockSubjectKind)[keyof typeof ClockSubjectKind];
export const CLOCK_SUBJECT_LABELS: Record<ClockSubjectKind, string> = {
  ACCEPTANCE: '受理时限',
  CASE: '办理时限',
  SUBTASK: '并联子任务时限',
  DELIVERY: '送达时限',
  COMPLAINT: '投诉办理时限',
  RECTIFICATION: '整改时限',
  URGE: '督办时限',
};

/**
 * The clocks that are not the case's own three (受理, 办理, 送达): a card on one of them says whose clock it was
 * (a co-department's sub-task, a supervisor's 督办 deadline, a complaint, a rectification).
 */
export const isSideClock = (kind: ClockSubjectKind | null | undefined): kind is ClockSubjectKind =>
  !!kind && kind !== 'ACCEPTANCE' && kind !== 'CASE' && kind !== 'DELIVERY';

/** Why a clock stopped, as the owning module says it (the code is stored; people read the label). */
export const CLOCK_STOP_LABELS: Record<string, string> = {
  ACCEPTED: '已受理',
  DEEMED_ACCEPTED: '视为受理',
  REJECTED: '不予受理',
  NOT_SUPPLIED: '补正不来，办结',
  DECIDED: '已作出决定',
  FORWARDED: '已转报上级机关',
  DELIVERED: '已送达',
  WITHDRAWN: '申请人撤回',
  RETURNED: '退回后重新计时',
  ANSWERED: '已回复督办',
  VISITED: '已回访',
  RECTIFIED: '已整改',
  RATING_EXCLUDED: '申诉成立，免于整改',
  COMPLAINT_ANSWERED: '投诉已答复',
  COMPLAINT_CLOSED: '投诉已办结',
  OPINION_GIVEN: '已出具协办意见',
  DEEMED_APPROVED: '超时默认同意',
};

export type ClockState = 'RUNNING' | 'PAUSED' | 'STOPPED';
export const CLOCK_STATE_LABELS: Record<ClockState, string> = {
  RUNNING: '计时中',
  PAUSED: '暂停计时',
  STOPPED: '已停止',
};

/** Why a clock pauses: 补正 (Art. 32) or a special procedure that does not count (Art. 45). */
export const PauseReason = {
  SUPPLEMENT: 'SUPPLEMENT',
  HEARING: 'HEARING',
  TENDER: 'TENDER',
  AUCTION: 'AUCTION',
  INSPECTION: 'INSPECTION',
  TESTING: 'TESTING',
  QUARANTINE: 'QUARANTINE',
  APPRAISAL: 'APPRAISAL',
  EXPERT_REVIEW: 'EXPERT_REVIEW',
  /** 联合踏勘: one site inspection for every department taking part, arranged by the lead (并联审批). */
  JOINT_INSPECTION: 'JOINT_INSPECTION',
  OTHER: 'OTHER',
} as const;
export type PauseReason = (typeof PauseReason)[keyof typeof PauseReason];
export const PAUSE_REASON_LABELS: Record<PauseReason, string> = {
  SUPPLEMENT: '补正材料',
  HEARING: '听证',
  TENDER: '招标',
  AUCTION: '拍卖',
  INSPECTION: '检验',
  TESTING: '检测',
  QUARANTINE: '检疫',
  APPRAISAL: '鉴定',
  EXPERT_REVIEW: '专家评审',
  JOINT_INSPECTION: '联合踏勘',
  OTHER: '其他',
};

/** Statutory extension caps in working days (行政许可法 第四十二条). */
export const EXTENSION_CAP_SINGLE = 10;
export const EXTENSION_CAP_JOINT = 15;

export interface TimeLimitDto {
  value: number;
  unit: LimitUnit;
}

export interface ClockPauseDto {
  id: string;
  reason: PauseReason;
  reasonText: string | null;
  legalBasis: string;
  notice: string;
  startedAt: string;
  endedAt: string | null;
  remainingAtPause: number;
  dueDateBefore: string;
  dueDateAfter: string | null;
}

export interface ClockExtensionDto {
  id: string;
  days: number;
  reason: string;
  approverId: string;
  approverName: string;
  notice: string;
  dueDateBefore: string;
  dueDateAfter: string;
  createdAt: string;
}

export interface ClockDto {
  id: string;
  subjectKind: ClockSubjectKind;
  subjectId: string;
  departmentId: string | null;
  limit: TimeLimitDto;
  joint: boolean;
  extensionDays: number;
  state: ClockState;
  startedAt: string;
  dueAt: string;
  dueDate: string;
  warnAt: string;
  /** The period runs into a year without a published holiday notice. */
  provisional: boolean;
  /** Working days used and left now (null for hour limits). */
  workingDaysUsed: number | null;
  workingDaysLeft: number | null;
  policyVersion: number;
  previousClockId: string | null;
  stoppedAt: string | null;
  stopReason: string | null;
  pauses: ClockPauseDto[];
  extensions: ClockExtensionDto[];
}

export interface StartClockRequest {
  subjectKind: ClockSubjectKind;
  subjectId: string;
  departmentId?: string | null;
  limit: TimeLimitDto;
  joint?: boolean;
}

export interface PauseClockRequest {
  reason: PauseReason;
  /** Required for OTHER. */
  reasonText?: string;
  legalBasis: string;
  /** The written notice given to the applicant, including how long the procedure takes. */
  notice: string;
}

export interface ExtendClockRequest {
  days: number;
  reason: string;
  notice: string;
}

export interface ClockExplanationDto {
  clockId: string;
  /** The arithmetic in words, step by step, in order. */
  steps: string[];
  /** Non-working days the current period skips, and why. */
  skippedDays: { date: string; kind: string; holidayName: string | null }[];
  provisional: boolean;
}

/**
 * The card policy's YELLOW thresholds (RED is always "overdue"), versioned. CENTER_ADMIN proposes a
 * version; a SUPERVISOR other than the proposer signs it off (it comes into force and the warning times
 * of open clocks are recomputed) or rejects it. At most one proposal waits at a time.
 */
export const PolicyState = {
  PROPOSED: 'PROPOSED',
  IN_FORCE: 'IN_FORCE',
  SUPERSEDED: 'SUPERSEDED',
  REJECTED: 'REJECTED',
} as const;
export type PolicyState = (typeof PolicyState)[keyof typeof PolicyState];
export const POLICY_STATE_LABELS: Record<PolicyState, string> = {
  PROPOSED: '待监察签认',
  IN_FORCE: '生效中',
  SUPERSEDED: '已被替代',
  REJECTED: '未获签认',
};

/** Thresholds per clock kind; a kind not named uses the policy's own usedPercent and minLeft. */
export type WarningRules = Partial<Record<ClockSubjectKind, { usedPercent: number; minLeft: number }>>;

export interface DeadlinePolicyDto {
  version: number;
  state: PolicyState;
  usedPercent: number;
  minLeft: number;
  byKind: WarningRules;
  note: string | null;
  proposedBy: string | null;
  proposedByName: string | null;
  createdAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** Open clocks moved onto this version when it came into force. */
  clocksRecomputed: number | null;
}

export interface ProposeDeadlinePolicyRequest {
  usedPercent: number;
  minLeft: number;
  byKind?: WarningRules;
  /** Why the thresholds change: what the supervisor signs off on. */
  note: string;
}

export interface DecideDeadlinePolicyRequest {
  approve: boolean;
  note: string;
}
