import type { CaseStepDto } from '../case/case.js';
import type { ClockSubjectKind } from '../dto/clock.js';

/** 黄牌 (预警) and 红牌 (超期 or 违规), DOMAIN.md §6. */
export const CardLevel = { YELLOW: 'YELLOW', RED: 'RED' } as const;
export type CardLevel = (typeof CardLevel)[keyof typeof CardLevel];
export const CARD_LEVEL_LABELS: Record<CardLevel, string> = { YELLOW: '黄牌', RED: '红牌' };

/** Why a card was issued: crossing a clock's threshold, or a violation at the moment of the act. */
export const CardReason = {
  TIME_WARNING: 'TIME_WARNING',
  ACCEPTANCE_OVERDUE: 'ACCEPTANCE_OVERDUE',
  CASE_OVERDUE: 'CASE_OVERDUE',
  DELIVERY_OVERDUE: 'DELIVERY_OVERDUE',
  URGE_UNANSWERED: 'URGE_UNANSWERED',
  OVERDUE: 'OVERDUE',
  PROMISE_MISSED: 'PROMISE_MISSED',
  /** 体外循环: a department's system reports an act done before the center's record allows, or long before it said so. */
  OFF_BOOK: 'OFF_BOOK',
  /** 违规收费: an assessment above the standard, of an item not on the matter, or without legal basis. */
  ILLEGAL_FEE: 'ILLEGAL_FEE',
  /** 对账差异逾期未处理: a reconciliation difference left unresolved past its working days. */
  RECON_UNRESOLVED: 'RECON_UNRESOLVED',
  COMPLAINT_OVERDUE: 'COMPLAINT_OVERDUE',
  RECTIFICATION_OVERDUE: 'RECTIFICATION_OVERDUE',
  /** 投诉属实: a complaint found substantiated, carded to the person responsible. */
  COMPLAINT_SUBSTANTIATED: 'COMPLAINT_SUBSTANTIATED',
} as const;
export type CardReason = (typeof CardReason)[keyof typeof CardReason];
export const CARD_REASON_LABELS: Record<CardReason, string> = {
  TIME_WARNING: '临近时限（预警）',
  ACCEPTANCE_OVERDUE: '受理决定超过 5 个工作日（视为受理）',
  CASE_OVERDUE: '超过承诺办结时限',
  DELIVERY_OVERDUE: '超过送达时限',
  URGE_UNANSWERED: '督办逾期未回复',
  OVERDUE: '超过时限',
  PROMISE_MISSED: '容缺受理承诺逾期未补交',
  OFF_BOOK: '体外循环（办理时间早于系统记录）',
  ILLEGAL_FEE: '违规收费（超标准、目录外或无依据收费）',
  RECON_UNRESOLVED: '对账差异逾期未处理',
  COMPLAINT_OVERDUE: '投诉逾期未答复',
  RECTIFICATION_OVERDUE: '差评回访、整改逾期',
  COMPLAINT_SUBSTANTIATED: '投诉属实',
};

/** The RED reason of each clock kind when it runs out. */
export const OVERDUE_REASON: Record<ClockSubjectKind, CardReason> = {
  ACCEPTANCE: 'ACCEPTANCE_OVERDUE',
  CASE: 'CASE_OVERDUE',
  SUBTASK: 'OVERDUE',
  DELIVERY: 'DELIVERY_OVERDUE',
  COMPLAINT: 'COMPLAINT_OVERDUE',
  RECTIFICATION: 'RECTIFICATION_OVERDUE',
  URGE: 'URGE_UNANSWERED',
};

/** A card's life: issued; appealed by its holder; then revoked, upheld (打回) or escalated (上报). Never deleted. */
export const CardState = {
  ISSUED: 'ISSUED',
  APPEALED: 'APPEALED',
  REVOKED: 'REVOKED',
  UPHELD: 'UPHELD',
  ESCALATED: 'ESCALATED',
} as const;
export type CardState = (typeof CardState)[keyof typeof CardState];
export const CARD_STATE_LABELS: Record<CardState, string> = {
  ISSUED: '已出牌',
  APPEALED: '申诉中',
  REVOKED: '已撤销',
  UPHELD: '申诉打回',
  ESCALATED: '已上报',
};

export const CardDecision = { REVOKE: 'REVOKE', UPHOLD: 'UPHOLD', ESCALATE: 'ESCALATE' } as const;
export type CardDecision = (typeof CardDecision)[keyof typeof CardDecision];
export const CARD_DECISION_LABELS: Record<CardDecision, string> = { REVOKE: '撤销', UPHOLD: '打回', ESCALATE: '上报' };
/** What can be done to a card: the holder's appeal, then a supervisor's decision. */
export type CardAction = 'APPEAL' | CardDecision;
export const CARD_ACTION_LABELS: Record<CardAction, string> = { APPEAL: '申诉', ...CARD_DECISION_LABELS };
/** The card state machine as data: the holder appeals an issued card once; a supervisor decides an appealed card;
 * a decided card is final. */
export const CARD_TRANSITIONS: Record<CardState, Partial<Record<CardAction, CardState>>> = {
  ISSUED: { APPEAL: 'APPEALED' },
  APPEALED: { REVOKE: 'REVOKED', UPHOLD: 'UPHELD', ESCALATE: 'ESCALATED' },
  REVOKED: {},
  UPHELD: {},
  ESCALATED: {},
};

/** The state `action` leads to from `state`, or null where the action is not allowed. */
export function cardStateAfter(state: CardState, action: CardAction): CardState | null {
  return CARD_TRANSITIONS[state][action] ?? null;
}

export interface CardEventDto {
  action: CardAction;
  reason: string;
  actorName: string;
  at: string;
}

export interface CardDto {
  id: string;
  level: CardLevel;
  reason: CardReason;
  reasonLabel: string;
  state: CardState;
  caseId: string | null;
  caseNo: string | null;
  receiptNo: string | null;
  matterName: string | null;
  clockId: string | null;
  clockKind: ClockSubjectKind | null;
  departmentId: string | null;
  departmentName: string | null;
  windowId: string | null;
  windowName: string | null;
  staffId: string | null;
  staffName: string | null;
  /** When the threshold was actually crossed (or the act happened), not when a sweep noticed it. */
  crossedAt: string;
  issuedAt: string;
  policyVersion: number | null;
  runId: string | null;
  events: CardEventDto[];
}

export interface CardQuery {
  level?: CardLevel;
  reason?: CardReason;
  state?: CardState;
  /** Whose clock crossed: e.g. SUBTASK for the co-departments' sub-task clocks of 并联审批. */
  clockKind?: ClockSubjectKind;
  departmentId?: string;
  from?: string;
  to?: string;
  /** Only cards the caller holds (staff): issued to them by name. */
  mine?: boolean;
  page?: number;
  pageSize?: number;
}

export interface AppealCardRequest {
  reason: string;
}

export interface DecideCardRequest {
  decision: CardDecision;
  reason: string;
}

export interface CardCaseViewDto {
  card: CardDto;
  steps: CaseStepDto[];
  clockExplanation: string[];
}

export interface SweepRunDto {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  /** The business time the sweep looked at. */
  asOf: string;
  examined: number;
  yellow: number;
  red: number;
  deemedAccepted: number;
  /** Sub-tasks deemed approved on timeout where the co-department's silence is consent. */
  deemedApproved: number;
  promisesMissed: number;
  instance: string;
  /** RUNNING: cards issued, transitions under way (or interrupted, until the next sweep closes it as FAILED). */
  status: 'RUNNING' | 'DONE' | 'SKIPPED' | 'FAILED';
  error: string | null;
}

export interface BoardCountDto {
  departmentId: string;
  departmentName: string;
  yellow: number;
  red: number;
  open: number;
}

export interface BoardDto {
  totals: { yellow: number; red: number; appealed: number; urgesOpen: number; urgesOverdue: number };
  byDepartment: BoardCountDto[];
  latest: CardDto[];
  lastRun: SweepRunDto | null;
}

export const UrgeState = { OPEN: 'OPEN', ANSWERED: 'ANSWERED' } as const;
export type UrgeState = (typeof UrgeState)[keyof typeof UrgeState];

export interface UrgeDto {
  id: string;
  caseId: string;
  caseNo: string | null;
  matterName: string;
  departmentId: string;
  departmentName: string;
  message: string;
  urgedByName: string;
  urgedAt: string;
  dueAt: string;
  state: UrgeState;
  overdue: boolean;
  reply: string | null;
  repliedByName: string | null;
  repliedAt: string | null;
}

export interface CreateUrgeRequest {
  caseId: string;
  message: string;
  /** Working days the department has to reply. */
  days: number;
}

export interface ReplyUrgeRequest {
  reply: string;
}

/** What the live channel (server-sent events) carries. */
/**
 * What the live channel pushes. `resync`: the server's own connection to the other instances was restored after an
 * outage, so events may have been missed meanwhile: read the board again.
 */
export type SupervisionEvent =
  | { type: 'card'; card: CardDto }
  | { type: 'urge'; urge: UrgeDto }
  | { type: 'run'; run: SweepRunDto }
  | { type: 'resync' };
