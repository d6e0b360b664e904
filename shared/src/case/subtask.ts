import type { ClockDto, TimeLimitDto } from '../dto/clock.js';
import type { ClockStanding } from './case.js';
import type { StepResultCode } from './case-state.js';

/**
 * 协办子任务 (parallel approval, DOMAIN.md §4): one per co-department of a joint case, each on its own SUBTASK clock.
 * A person ends it APPROVED, REJECTED or RETURNED; the sweep ends it DEEMED_APPROVED when its clock ran out and the
 * department's silence is consent (never shown or counted as a person's approval); a withdrawal CANCELLED.
 */
export const SubtaskState = {
  OPEN: 'OPEN',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  RETURNED: 'RETURNED',
  DEEMED_APPROVED: 'DEEMED_APPROVED',
  CANCELLED: 'CANCELLED',
} as const;
export type SubtaskState = (typeof SubtaskState)[keyof typeof SubtaskState];
export const SUBTASK_STATE_LABELS: Record<SubtaskState, string> = {
  OPEN: '协办中',
  APPROVED: '同意',
  REJECTED: '不同意',
  RETURNED: '退回牵头部门',
  DEEMED_APPROVED: '超时默认同意',
  CANCELLED: '已取消',
};

/** What happens to a sub-task, and who does it. */
export const SubtaskAction = {
  APPROVE: 'APPROVE',
  REJECT: 'REJECT',
  RETURN: 'RETURN',
  /** The lead answers a return: a new sub-task with a new clock opens for the department. */
  ANSWER: 'ANSWER',
  /** The sweep, when the clock ran out and silence is consent. */
  DEEM: 'DEEM',
  /** The case was withdrawn. */
  CANCEL: 'CANCEL',
} as const;
export type SubtaskAction = (typeof SubtaskAction)[keyof typeof SubtaskAction];

/** The sub-task state machine: the state each action leads to, by state. An action not listed is refused. */
export const SUBTASK_TRANSITIONS: Record<SubtaskState, Partial<Record<SubtaskAction, SubtaskState>>> = {
  OPEN: {
    APPROVE: 'APPROVED',
    REJECT: 'REJECTED',
    RETURN: 'RETURNED',
    DEEM: 'DEEMED_APPROVED',
    CANCEL: 'CANCELLED',
  },
  // A return stays on record as returned; answering it opens its successor.
  RETURNED: { ANSWER: 'RETURNED' },
  APPROVED: {},
  REJECTED: {},
  DEEMED_APPROVED: {},
  CANCELLED: {},
};

export const subtaskNext = (state: SubtaskState, action: SubtaskAction): SubtaskState | null =>
  SUBTASK_TRANSITIONS[state][action] ?? null;

/** A sub-task's end in the national exchange's step result code set (1 同意, 0 不同意, 7 退回); open ones none. */
export const SUBTASK_RESULT_CODE: Record<SubtaskState, StepResultCode | null> = {
  OPEN: null,
  APPROVED: '1',
  REJECTED: '0',
  RETURNED: '7',
  DEEMED_APPROVED: '1',
  CANCELLED: null,
};

/** What a co-department's clerk or approver records: 同意 (conditions optional), 不同意 (reasons and basis), 退回. */
export const SubtaskOutcome = { APPROVED: 'APPROVED', REJECTED: 'REJECTED', RETURNED: 'RETURNED' } as const;
export type SubtaskOutcome = (typeof SubtaskOutcome)[keyof typeof SubtaskOutcome];
export const SUBTASK_OUTCOME_ACTION: Record<SubtaskOutcome, SubtaskAction> = {
  APPROVED: 'APPROVE',
  REJECTED: 'REJECT',
  RETURNED: 'RETURN',
};

/** Whether the department's part is still to come: open, or returned and not yet answered by the lead. */
export const subtaskPending = (s: { state: SubtaskState; answeredAt: string | null }): boolean =>
  s.state === 'OPEN' || (s.state === 'RETURNED' && !s.answeredAt);

/** A sub-task as the case page and the 协办 queue show it. */
export interface SubtaskDto {
  id: string;
  caseId: string;
  seq: number;
  departmentId: string;
  departmentName: string;
  state: SubtaskState;
  /** The co-department's entry says silence is consent (超时默认同意). */
  silenceIsConsent: boolean;
  limit: TimeLimitDto;
  clock: ClockDto | null;
  /** How its clock stands now (business time), as the queues say it. */
  standing: ClockStanding;
  openedAt: string;
  endedAt: string | null;
  /** Null when the system ended it (deemed, cancelled). */
  endedByName: string | null;
  /** Ended by the sweep on timeout, not by a person. */
  deemed: boolean;
  opinion: string | null;
  conditions: string | null;
  legalBasis: string | null;
  /** The sub-task this one follows after a return, and the lead's answer to that return. */
  previousId: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
}

/** A row of a co-department's 协办 queue. */
export interface SubtaskSummaryDto {
  id: string;
  caseId: string;
  caseNo: string | null;
  matterName: string;
  leadDepartmentName: string;
  applicantName: string;
  state: SubtaskState;
  openedAt: string;
  dueAt: string | null;
  standing: ClockStanding;
  silenceIsConsent: boolean;
  /** 绿色通道: the case is a key project's (heads the queue). */
  greenChannel: boolean;
}

/**
 * 联合踏勘: one site inspection for the departments taking part (the lead and co-departments); the clocks of the case
 * are paused from the day it is arranged until every department's findings are in.
 */
export interface InspectionDto {
  id: string;
  caseId: string;
  /** The day of the inspection on site. */
  date: string;
  notice: string;
  state: 'ARRANGED' | 'DONE';
  arrangedByName: string;
  arrangedAt: string;
  completedAt: string | null;
  parts: {
    departmentId: string;
    departmentName: string;
    findings: string | null;
    recordedByName: string | null;
    recordedAt: string | null;
  }[];
}

export interface ArrangeInspectionRequest {
  date: string;
  /** The departments taking part: the lead's own and co-departments with a sub-task on the case, two at least. */
  departmentIds: string[];
  /** Working days it is expected to take, told to the applicant. */
  expectedDays: number;
  notice: string;
}

export interface RecordFindingsRequest {
  findings: string;
}

/** For supervision: a sub-task the timeout approved, never a person (超时默认同意), and whose silence it was. */
export interface DeemedSubtaskDto {
  id: string;
  caseId: string;
  caseNo: string | null;
  matterName: string;
  departmentName: string;
  leadDepartmentName: string;
  /** The due time it ran out at, which is when it was deemed. */
  deemedAt: string;
}

/** For supervision: a decision that approved over a co-department's 不同意, and why. */
export interface SubtaskOverrideDto {
  caseId: string;
  caseNo: string | null;
  matterName: string;
  leadDepartmentName: string;
  decidedByName: string | null;
  decidedAt: string;
  overrideReason: string;
  overridden: { departmentName: string; opinion: string | null; legalBasis: string | null }[];
}

export interface SubtaskCountsDto {
  open: number;
  warning: number;
  overdue: number;
}

export interface SubtaskOpinionRequest {
  outcome: SubtaskOutcome;
  /** 同意: the opinion; 不同意: the reasons; 退回: what is missing. */
  opinion: string;
  /** 同意 with conditions (附条件同意). */
  conditions?: string;
  /** Required for 不同意. */
  legalBasis?: string;
}

export interface AnswerSubtaskRequest {
  /** What the lead did about the return (材料已补齐…): the department's new sub-task starts from it. */
  answer: string;
}
