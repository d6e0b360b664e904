import type { ApplicantKind, CaseChannel } from '../case/case.js';
import type { CaseAction, CompletionCode, StepResultCode } from '../case/case-state.js';

/** On-time completion targets from the seeds (DOMAIN.md §7): 100 %, and never below 98 %. */
export const ON_TIME_TARGET = 1;
export const ON_TIME_MINIMUM = 0.98;

/** A period of Shanghai days, both ends included. */
export interface PerformanceQuery {
  from?: string;
  to?: string;
  departmentId?: string;
}

export interface PerformanceFigures {
  /** Cases received in the period. */
  received: number;
  /** Cases concluded in the period (delivered, refused, closed; not withdrawn). */
  concluded: number;
  /** Of those, concluded with no clock run past its due time. */
  onTime: number;
  /** onTime / concluded, or null when nothing was concluded. */
  onTimeRate: number | null;
  /** Cards crossed in the period, revoked ones not counted. */
  yellow: number;
  red: number;
  /** (yellow + red) per 100 cases received, or null when none were received. */
  cardsPer100: number | null;
  /** 并联审批 sub-tasks the department (as co-department) ended in the period by a person's opinion… */
  subtasksAnswered: number;
  /** …and those its silence let the timeout approve (超时默认同意): never counted as answered. */
  subtasksDeemed: number;
}

export interface DepartmentPerformanceDto extends PerformanceFigures {
  departmentId: string;
  departmentName: string;
  /** Open cases with a clock past due now. */
  overdueOpen: number;
  /** 1 = best: on-time rate, then fewest cards per 100 cases, then most concluded. */
  rank: number;
}

export interface PerformanceWeekDto extends PerformanceFigures {
  /** The Monday the week starts on. */
  weekStart: string;
}

export interface PerformanceDto {
  from: string;
  to: string;
  asOf: string;
  departmentId: string | null;
  totals: PerformanceFigures & { overdueOpen: number };
  departments: DepartmentPerformanceDto[];
  /** Week by week over the period, for the whole center or the one department asked for. */
  weeks: PerformanceWeekDto[];
}

/** The national e-supervision exchange (DOMAIN.md §6): case step records with the step result and completion code sets. */
export const EXCHANGE_FORMAT = 'onewindow.supervision-exchange/1';

export interface ExchangeQuery {
  /** Cases with a step recorded in this period of Shanghai days (at most 31). */
  from: string;
  to: string;
  page?: number;
  pageSize?: number;
}

export interface ExchangeStepDto {
  seq: number;
  action: CaseAction;
  actionLabel: string;
  /** The step result code (0 不同意 … 7 退回), or null for a step the code set does not name (收件, 送达…). */
  resultCode: StepResultCode | null;
  resultLabel: string | null;
  actorName: string;
  actingForName: string | null;
  at: string;
  opinion: string | null;
}

export interface ExchangeCaseDto {
  caseNo: string | null;
  receiptNo: string | null;
  matterCode: string;
  matterVersionNo: number;
  matterName: string;
  departmentCode: string;
  departmentCreditCode: string;
  departmentName: string;
  channel: CaseChannel;
  applicantKind: ApplicantKind;
  receivedAt: string | null;
  acceptedAt: string | null;
  deemedAccepted: boolean;
  decidedAt: string | null;
  completedAt: string | null;
  /** The completion code (0 出证 … 6 办结), once concluded. */
  completionCode: CompletionCode | null;
  completionLabel: string | null;
  steps: ExchangeStepDto[];
  /** 并联审批: each co-department's ended sub-task, in the step result code set; a deemed approval is flagged. */
  subtasks: ExchangeSubtaskDto[];
}

export interface ExchangeSubtaskDto {
  departmentCode: string;
  departmentName: string;
  resultCode: StepResultCode;
  resultLabel: string;
  /** Approved by the timeout (超时默认同意), not by a person; `actorName` is then null. */
  deemed: boolean;
  actorName: string | null;
  at: string;
  opinion: string | null;
}

export interface ExchangeExportDto {
  format: typeof EXCHANGE_FORMAT;
  generatedAt: string;
  from: string;
  to: string;
  codeSets: { stepResult: Record<StepResultCode, string>; completion: Record<CompletionCode, string> };
  page: number;
  pageSize: number;
  total: number;
  cases: ExchangeCaseDto[];
}
