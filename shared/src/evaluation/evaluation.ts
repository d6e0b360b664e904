/**
 * 好差评 (DOMAIN.md §7): five levels, the national indicator sets (versioned), service events at the counter,
 * ratings, the rectification of a bad one and the appeal against a mistaken one. State machines as data.
 */

/** 5 非常满意 … 1 非常不满意. */
export const RatingLevel = {
  VERY_SATISFIED: 5,
  SATISFIED: 4,
  BASIC: 3,
  DISSATISFIED: 2,
  VERY_DISSATISFIED: 1,
} as const;
export type RatingLevel = (typeof RatingLevel)[keyof typeof RatingLevel];
export const RATING_LEVELS: readonly RatingLevel[] = [5, 4, 3, 2, 1];
export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};
/** 满意 + 非常满意 count as satisfied (the satisfaction rate's numerator). */
export const isSatisfied = (level: number) => level >= 4;
/** 不满意 and 非常不满意 are bad ratings (差评): they must say what was wrong, and open a rectification. */
export const isBadRating = (level: number) => level <= 2;

export const RatingChannel = { ONSITE: 'ONSITE', ONLINE: 'ONLINE' } as const;
export type RatingChannel = (typeof RatingChannel)[keyof typeof RatingChannel];
export const RATING_CHANNEL_LABELS: Record<RatingChannel, string> = {
  ONSITE: '现场评价（一次一评）',
  ONLINE: '网上评价（一事一评）',
};

export interface RatingIndicator {
  code: string;
  label: string;
}
export interface IndicatorSet {
  channel: RatingChannel;
  version: number;
  indicators: readonly RatingIndicator[];
}

/**
 * The national indicator sets (国务院办公厅《关于建立政务服务“好差评”制度提高政务服务水平的意见》). A rating records the
 * version it was given under; a new version is appended here, never edited, so old ratings keep their meaning.
 */
export const INDICATOR_SETS: readonly IndicatorSet[] = [
  {
    channel: 'ONSITE',
    version: 1,
    indicators: [
      { code: 'OVERALL', label: '整体满意度' },
      { code: 'EFFICIENCY', label: '服务效率' },
      { code: 'QUALITY', label: '服务水平' },
      { code: 'ATTITUDE', label: '服务态度' },
    ],
  },
  {
    channel: 'ONLINE',
    version: 1,
    indicators: [
      { code: 'OVERALL', label: '整体满意度' },
      { code: 'EFFICIENCY', label: '办事效率' },
      { code: 'GUIDE_ACCURACY', label: '办事指南精确度' },
      { code: 'CONVENIENCE', label: '办事便捷度' },
      { code: 'USABILITY', label: '平台操作性' },
    ],
  },
];
export const currentIndicatorSet = (channel: RatingChannel): IndicatorSet =>
  INDICATOR_SETS.filter((s) => s.channel === channel).sort((a, b) => b.version - a.version)[0];
export const indicatorSet = (channel: RatingChannel, version: number): IndicatorSet | undefined =>
  INDICATOR_SETS.find((s) => s.channel === channel && s.version === version);

/** What was wrong, for a bad rating (chosen from the list, plus text). */
export const RATING_PROBLEMS = {
  ATTITUDE: '服务态度差',
  SLOW: '办理时间长、等候久',
  REPEATED_TRIPS: '多次跑、重复提交材料',
  UNCLEAR_GUIDE: '办事指南不清楚、一次性告知不到位',
  UNFAIR: '办理不规范、不公正',
  FEES: '乱收费',
  SYSTEM: '系统难用、出错',
  OTHER: '其他',
} as const;
export type RatingProblem = keyof typeof RATING_PROBLEMS;

/** A service event at a window (一次一评): what the clerk has just ended. */
export const ServiceEventKind = {
  RECEIPT: 'RECEIPT',
  ACCEPTANCE: 'ACCEPTANCE',
  DELIVERY: 'DELIVERY',
  CONSULTATION: 'CONSULTATION',
} as const;
export type ServiceEventKind = (typeof ServiceEventKind)[keyof typeof ServiceEventKind];
export const SERVICE_EVENT_KIND_LABELS: Record<ServiceEventKind, string> = {
  RECEIPT: '收件',
  ACCEPTANCE: '受理',
  DELIVERY: '送达、领取结果',
  CONSULTATION: '咨询',
};

/** What a rating terminal shows when the clerk ends a service event: nothing about the applicant. */
export interface ServiceEventPromptDto {
  id: string;
  kind: ServiceEventKind;
  kindLabel: string;
  windowNumber: string;
  windowName: string;
  staffName: string;
  matterName: string | null;
  endedAt: string;
  indicatorSet: IndicatorSet;
}

export interface RatingTerminalDto {
  id: string;
  windowId: string;
  windowNumber: string;
  windowName: string;
  issuedAt: string;
  issuedByName: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}
/** Issued once: the token is shown in the link the tablet opens and never again. */
/** The header a rating terminal sends its device token in. */
export const TERMINAL_TOKEN_HEADER = 'x-rating-terminal';

export interface IssuedRatingTerminalDto extends RatingTerminalDto {
  token: string;
  path: string;
}
export interface TerminalStatusDto {
  windowNumber: string;
  windowName: string;
  departmentName: string;
  /** The event waiting for a rating right now, if any. */
  pending: ServiceEventPromptDto | null;
}

export interface SubmitRatingRequest {
  level: RatingLevel;
  /** Each indicator of the set in force, 1–5; OVERALL is `level` when absent. */
  indicators?: Record<string, number>;
  problems?: RatingProblem[];
  comment?: string;
}
export interface OnsiteRatingRequest extends SubmitRatingRequest {
  eventId: string;
}
export interface PublicCaseRatingRequest extends SubmitRatingRequest {
  no: string;
  code: string;
}

/** A rating as staff see it: never who gave it. */
export interface RatingDto {
  id: string;
  channel: RatingChannel;
  level: RatingLevel;
  levelLabel: string;
  indicatorVersion: number;
  indicators: Record<string, number>;
  problems: RatingProblem[];
  comment: string | null;
  caseId: string | null;
  caseNo: string | null;
  matterName: string | null;
  serviceKind: ServiceEventKind | null;
  windowId: string | null;
  windowName: string | null;
  staffId: string | null;
  staffName: string | null;
  departmentId: string;
  departmentName: string;
  ratedAt: string;
  /** An upheld appeal took it out of the statistics; it stays on record. */
  excluded: boolean;
  rectificationId: string | null;
  appeal: RatingAppealDto | null;
}
export interface RatingQuery {
  departmentId?: string;
  channel?: RatingChannel;
  bad?: boolean;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/** What the applicant sees of the online rating of their case. */
export interface CaseRatingStateDto {
  caseId: string;
  /** Rating is open once the case is completed, once. */
  canRate: boolean;
  reason: string | null;
  rating: { level: RatingLevel; levelLabel: string; ratedAt: string } | null;
  rectification: {
    state: RectificationState;
    stateLabel: string;
    visitNote: string | null;
    rectifyNote: string | null;
    canRateFollowUp: boolean;
    followUpLevel: RatingLevel | null;
  } | null;
  indicatorSet: IndicatorSet;
}

/** A bad rating's follow-up: return visit (回访), then rectification (整改), each on its RECTIFICATION clock. */
export const RectificationState = {
  VISIT_PENDING: 'VISIT_PENDING',
  RECTIFYING: 'RECTIFYING',
  RECTIFIED: 'RECTIFIED',
  /** The rating was found mistaken or malicious on appeal: nothing to rectify. */
  CANCELLED: 'CANCELLED',
} as const;
export type RectificationState = (typeof RectificationState)[keyof typeof RectificationState];
export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = {
  VISIT_PENDING: '待回访',
  RECTIFYING: '整改中',
  RECTIFIED: '已整改',
  CANCELLED: '申诉成立，免于整改',
};
export type RectificationAction = 'VISIT' | 'RECTIFY' | 'CANCEL' | 'FOLLOW_UP';
export const RECTIFICATION_ACTION_LABELS: Record<RectificationAction, string> = {
  VISIT: '回访',
  RECTIFY: '完成整改',
  CANCEL: '撤销整改',
  FOLLOW_UP: '申请人评价整改',
};
export const RECTIFICATION_TRANSITIONS: Record<
  RectificationState,
  Partial<Record<RectificationAction, RectificationState>>
> = {
  VISIT_PENDING: { VISIT: 'RECTIFYING', CANCEL: 'CANCELLED' },
  RECTIFYING: { RECTIFY: 'RECTIFIED', CANCEL: 'CANCELLED' },
  RECTIFIED: { FOLLOW_UP: 'RECTIFIED' },
  CANCELLED: {},
};

export interface RectificationDto {
  id: string;
  ratingId: string;
  rating: Pick<
    RatingDto,
    | 'level'
    | 'levelLabel'
    | 'problems'
    | 'comment'
    | 'channel'
    | 'caseNo'
    | 'matterName'
    | 'windowName'
    | 'staffName'
    | 'ratedAt'
  >;
  departmentId: string;
  departmentName: string;
  state: RectificationState;
  stateLabel: string;
  visitClockId: string;
  visitDueAt: string;
  visitNote: string | null;
  visitedAt: string | null;
  visitedByName: string | null;
  rectifyClockId: string | null;
  rectifyDueAt: string | null;
  rectifyNote: string | null;
  rectifiedAt: string | null;
  rectifiedByName: string | null;
  /** Done within the clock (null while open). */
  onTime: boolean | null;
  followUpLevel: RatingLevel | null;
  openedAt: string;
}
export interface RecordVisitRequest {
  note: string;
  /** Working days allowed for the rectification (5–15; the configured default when absent). */
  rectifyWorkingDays?: number;
}
export interface RecordRectificationRequest {
  note: string;
}
/** A level (and a word) given by whoever holds a number and query code: a rectification's follow-up, a complaint's answer. */
export interface RateByCodeRequest {
  no: string;
  code: string;
  level: RatingLevel;
  comment?: string;
}

/** 申诉复核 of a rating by the rated department. */
export const AppealState = { PENDING: 'PENDING', UPHELD: 'UPHELD', DISMISSED: 'DISMISSED' } as const;
export type AppealState = (typeof AppealState)[keyof typeof AppealState];
export const APPEAL_STATE_LABELS: Record<AppealState, string> = {
  PENDING: '待复核',
  UPHELD: '申诉成立（不计入统计）',
  DISMISSED: '申诉驳回',
};
export interface RatingAppealDto {
  id: string;
  ratingId: string;
  state: AppealState;
  stateLabel: string;
  reason: string;
  evidence: string;
  appealedByName: string;
  appealedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}
export interface AppealRatingRequest {
  reason: string;
  evidence: string;
}
export interface DecideAppealRequest {
  uphold: boolean;
  reason: string;
}

/** The national 好差评 exchange shape of one rating (no rater identity). */
export interface RatingExchangeRecord {
  evaluationId: string;
  channel: '1' | '2';
  serviceCode: string | null;
  projectNo: string | null;
  deptCode: string | null;
  deptName: string;
  windowNo: string | null;
  staffName: string | null;
  alternate: RatingLevel;
  indicators: { code: string; name: string; score: number }[];
  problems: string[];
  writingEvaluation: string | null;
  evaluationTime: string;
  valid: boolean;
}
export interface RatingExchangeDto {
  version: string;
  from: string;
  to: string;
  count: number;
  records: RatingExchangeRecord[];
}
