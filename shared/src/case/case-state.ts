/**
 * The case (办件) lifecycle as data: every state, every action, and which action is allowed in which
 * state (DOMAIN.md §3). The server refuses anything not listed here with a 409 naming the state; the
 * SPAs use the same table to show only the actions that can succeed.
 */
export const CaseState = {
  /** Saved by the applicant online, not yet sent. */
  DRAFT: 'DRAFT',
  /** Received (收件): waiting for the acceptance decision, ACCEPTANCE clock running. */
  SUBMITTED: 'SUBMITTED',
  /** A supplement notice (补正) was issued: ACCEPTANCE clock paused until the applicant supplies. */
  SUPPLEMENT_REQUIRED: 'SUPPLEMENT_REQUIRED',
  /** Accepted (受理) and under review through its tasks, CASE clock running. */
  IN_REVIEW: 'IN_REVIEW',
  /** Special procedure (Art. 45): CASE clock paused. */
  SUSPENDED: 'SUSPENDED',
  /**
   * 上报件 forwarded (转报) to the higher authority that decides it, after the local review: the center's CASE clock
   * (the local part's limit) has stopped; the authority's decision comes back as FORWARD_ANSWER.
   */
  FORWARDED: 'FORWARDED',
  APPROVED: 'APPROVED',
  DENIED: 'DENIED',
  /** Delivered (送达) or otherwise closed with a completion code. */
  COMPLETED: 'COMPLETED',
  /** 不予受理: terminal. */
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type CaseState = (typeof CaseState)[keyof typeof CaseState];

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  DRAFT: '草稿',
  SUBMITTED: '待受理',
  SUPPLEMENT_REQUIRED: '待补正',
  IN_REVIEW: '审查中',
  SUSPENDED: '特别程序中',
  FORWARDED: '已转报上级机关',
  APPROVED: '准予许可，待送达',
  DENIED: '不予许可，待送达',
  COMPLETED: '已办结',
  REJECTED: '不予受理',
  WITHDRAWN: '已撤回',
};

export const CaseAction = {
  SAVE_DRAFT: 'SAVE_DRAFT',
  SUBMIT: 'SUBMIT',
  ACCEPT: 'ACCEPT',
  DEEM_ACCEPTED: 'DEEM_ACCEPTED',
  REJECT: 'REJECT',
  REQUEST_SUPPLEMENT: 'REQUEST_SUPPLEMENT',
  SUPPLY: 'SUPPLY',
  CLOSE_UNSUPPLIED: 'CLOSE_UNSUPPLIED',
  REVIEW: 'REVIEW',
  SUSPEND: 'SUSPEND',
  RESUME: 'RESUME',
  EXTEND: 'EXTEND',
  SUPPLY_DEFERRED: 'SUPPLY_DEFERRED',
  DECIDE: 'DECIDE',
  FORWARD: 'FORWARD',
  FORWARD_ANSWER: 'FORWARD_ANSWER',
  DELIVER: 'DELIVER',
  WITHDRAW: 'WITHDRAW',
} as const;
export type CaseAction = (typeof CaseAction)[keyof typeof CaseAction];

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  SAVE_DRAFT: '保存草稿',
  SUBMIT: '提交申请',
  ACCEPT: '受理',
  DEEM_ACCEPTED: '视为受理',
  REJECT: '不予受理',
  REQUEST_SUPPLEMENT: '一次性告知补正',
  SUPPLY: '补齐补正材料',
  CLOSE_UNSUPPLIED: '补正不来，办结',
  REVIEW: '审查',
  SUSPEND: '特别程序',
  RESUME: '恢复计时',
  EXTEND: '延长期限',
  SUPPLY_DEFERRED: '补交容缺材料',
  DECIDE: '作出决定',
  FORWARD: '转报上级机关',
  FORWARD_ANSWER: '上级机关作出决定',
  DELIVER: '送达',
  WITHDRAW: '撤回申请',
};

const OPEN_BEFORE_DECISION: CaseState[] = ['SUBMITTED', 'SUPPLEMENT_REQUIRED', 'IN_REVIEW', 'SUSPENDED'];

/** From each state, the actions allowed (the state after is decided by the action and its input). */
export const CASE_TRANSITIONS: Record<CaseState, readonly CaseAction[]> = {
  DRAFT: ['SAVE_DRAFT', 'SUBMIT', 'WITHDRAW'],
  SUBMITTED: ['ACCEPT', 'DEEM_ACCEPTED', 'REJECT', 'REQUEST_SUPPLEMENT', 'WITHDRAW'],
  SUPPLEMENT_REQUIRED: ['SUPPLY', 'CLOSE_UNSUPPLIED', 'WITHDRAW'],
  IN_REVIEW: ['REVIEW', 'SUSPEND', 'EXTEND', 'SUPPLY_DEFERRED', 'DECIDE', 'FORWARD', 'WITHDRAW'],
  SUSPENDED: ['RESUME', 'EXTEND', 'SUPPLY_DEFERRED', 'WITHDRAW'],
  FORWARDED: ['FORWARD_ANSWER'],
  APPROVED: ['SUPPLY_DEFERRED', 'DELIVER'],
  DENIED: ['DELIVER'],
  COMPLETED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

export function caseActionAllowed(state: CaseState, action: CaseAction): boolean {
  return CASE_TRANSITIONS[state].includes(action);
}

export const isOpenCase = (s: CaseState): boolean => OPEN_BEFORE_DECISION.includes(s) || s === 'DRAFT';
export const isTerminalCase = (s: CaseState): boolean => CASE_TRANSITIONS[s].length === 0;

/** 办结类型: the national e-supervision completion code set (DOMAIN.md §6). */
export const CompletionCode = {
  CERTIFIED: '0',
  RETURNED: '1',
  VOIDED: '2',
  DELETED: '3',
  REPORTED_UP: '4',
  NOT_SUPPLIED: '5',
  CONCLUDED: '6',
} as const;
export type CompletionCode = (typeof CompletionCode)[keyof typeof CompletionCode];
export const COMPLETION_CODE_LABELS: Record<CompletionCode, string> = {
  '0': '出证',
  '1': '退回',
  '2': '作废',
  '3': '删除',
  '4': '转报',
  '5': '补正不来',
  '6': '办结',
};

/** 环节结果: the national e-supervision step result code set (DOMAIN.md §6). */
export const StepResultCode = {
  DISAGREE: '0',
  AGREE: '1',
  NOT_ACCEPTED: '2',
  REFUSED: '3',
  ACCEPTED: '4',
  SUPPLEMENTED: '5',
  SUSPENDED: '6',
  RETURNED: '7',
} as const;
export type StepResultCode = (typeof StepResultCode)[keyof typeof StepResultCode];
export const STEP_RESULT_LABELS: Record<StepResultCode, string> = {
  '0': '不同意',
  '1': '同意',
  '2': '不受理',
  '3': '不予受理',
  '4': '受理',
  '5': '补齐补正',
  '6': '特别程序(挂起)',
  '7': '退回',
};
