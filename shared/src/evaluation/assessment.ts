/** 考核 (DOMAIN.md §7): the figures of a window or a staff member over a quarter or year, the scheme, awards. */

/** The rates an assessment weighs; each 0–1, null over nothing. */
export const ASSESSMENT_RATES = ['onTimeRate', 'onTheSpotRate', 'satisfactionRate', 'rectifiedOnTimeRate'] as const;
export type AssessmentRate = (typeof ASSESSMENT_RATES)[number];
export const ASSESSMENT_RATE_LABELS: Record<AssessmentRate, string> = {
  onTimeRate: '按时办结率',
  onTheSpotRate: '即办率（当场办结）',
  satisfactionRate: '满意率',
  rectifiedOnTimeRate: '差评按时整改率',
};
/** The seeds' targets: on-time 100 % (98 % at least), on-the-spot ≥ 90 %, satisfaction ≥ 95 %. */
export const ASSESSMENT_TARGETS: Partial<Record<AssessmentRate, number>> = {
  onTimeRate: 0.98,
  onTheSpotRate: 0.9,
  satisfactionRate: 0.95,
};

export interface AssessmentFigures {
  concluded: number;
  onTime: number;
  onTimeRate: number | null;
  onTheSpot: number;
  onTheSpotRate: number | null;
  ratings: number;
  satisfied: number;
  satisfactionRate: number | null;
  /** Ratings taken out of the statistics by an upheld appeal (still on record). */
  excludedRatings: number;
  rectifications: number;
  rectifiedOnTime: number;
  rectifiedOnTimeRate: number | null;
  cards: number;
  substantiatedComplaints: number;
}

/**
 * Weights (points for a rate of 100 %), deductions per card and per substantiated complaint, and minimums a
 * window or staff member must meet to be proposed for an award.
 */
export interface AssessmentSchemeBody {
  weights: Record<AssessmentRate, number>;
  cardPenalty: number;
  complaintPenalty: number;
  minimums: Partial<Record<AssessmentRate, number>>;
  /** Fewer concluded cases than this and a window is not ranked for an award. */
  minConcluded: number;
  note: string;
}
export type SchemeState = 'PROPOSED' | 'IN_FORCE' | 'SUPERSEDED' | 'REJECTED';
export const SCHEME_STATE_LABELS: Record<SchemeState, string> = {
  PROPOSED: '待签认',
  IN_FORCE: '现行',
  SUPERSEDED: '已被取代',
  REJECTED: '未通过',
};
export interface AssessmentSchemeDto extends AssessmentSchemeBody {
  version: number;
  state: SchemeState;
  stateLabel: string;
  proposedByName: string | null;
  proposedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}
export interface DecideSchemeRequest {
  approve: boolean;
  note: string;
}

/** One line of a score's explanation: the part, its figure and the points it gave. */
export interface ScorePart {
  part: AssessmentRate | 'cards' | 'complaints';
  label: string;
  value: number | null;
  points: number;
}
export interface AssessmentRowDto extends AssessmentFigures {
  id: string;
  name: string;
  /** The window's number, or the staff member's window. */
  windowNumber: string | null;
  departmentId: string | null;
  departmentName: string | null;
  score: number;
  parts: ScorePart[];
  /** The minimums it fails, by label: an award needs none. */
  belowMinimum: string[];
  rank: number;
  award: AwardKind | null;
}
export type AssessmentSubject = 'WINDOW' | 'STAFF';
export interface AssessmentQuery {
  subject: AssessmentSubject;
  /** 2026Q4 or 2026. */
  period: string;
  departmentId?: string;
}
export interface AssessmentDto {
  subject: AssessmentSubject;
  period: string;
  from: string;
  to: string;
  asOf: string;
  schemeVersion: number;
  rows: AssessmentRowDto[];
  totals: AssessmentFigures;
}
export interface SatisfactionTrendDto {
  from: string;
  to: string;
  months: { month: string; ratings: number; satisfied: number; satisfactionRate: number | null }[];
  byDepartment: {
    departmentId: string;
    departmentName: string;
    ratings: number;
    satisfied: number;
    satisfactionRate: number | null;
  }[];
}

export const AwardKind = { RED_FLAG_WINDOW: 'RED_FLAG_WINDOW', SERVICE_STAR: 'SERVICE_STAR' } as const;
export type AwardKind = (typeof AwardKind)[keyof typeof AwardKind];
export const AWARD_KIND_LABELS: Record<AwardKind, string> = { RED_FLAG_WINDOW: '红旗窗口', SERVICE_STAR: '服务标兵' };
export interface AwardProposalDto {
  kind: AwardKind;
  period: string;
  schemeVersion: number;
  candidates: AssessmentRowDto[];
  /** Ranked above a candidate but failing a minimum, with why. */
  passedOver: { id: string; name: string; belowMinimum: string[] }[];
}
export interface ConfirmAwardRequest {
  kind: AwardKind;
  period: string;
  subjectIds: string[];
  note: string;
}
export interface AwardDto {
  id: string;
  kind: AwardKind;
  kindLabel: string;
  period: string;
  subjectId: string;
  subjectName: string;
  score: number;
  schemeVersion: number;
  confirmedByName: string;
  confirmedAt: string;
  note: string;
}

/** The periods to pick from on a day (YYYY-MM-DD): this year's quarters so far, newest first, then this and last year. */
export function recentPeriods(day: string): string[] {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const quarters = Array.from({ length: quarter }, (_, i) => `${year}Q${quarter - i}`);
  const lastYear = [4, 3, 2, 1].map((q) => `${year - 1}Q${q}`);
  return [...quarters, String(year), ...lastYear, String(year - 1)];
}

/** Parses 2026Q4 / 2026 into [first day, last day]; null when it is not a period. */
export function assessmentPeriod(period: string): { from: string; to: string } | null {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(period.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const q = m[2] ? Number(m[2]) : null;
  const fromMonth = q ? (q - 1) * 3 + 1 : 1;
  const toMonth = q ? q * 3 : 12;
  const lastDay = new Date(Date.UTC(year, toMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(fromMonth)}-01`, to: `${year}-${pad(toMonth)}-${pad(lastDay)}` };
}

/** A score: Σ weight × rate (a rate over nothing gives no points) − penalties. Rounded to 0.01. */
export function scoreOf(f: AssessmentFigures, s: AssessmentSchemeBody): { score: number; parts: ScorePart[] } {
  const parts: ScorePart[] = ASSESSMENT_RATES.map((r) => ({
    part: r,
    label: ASSESSMENT_RATE_LABELS[r],
    value: f[r],
    // A rate over nothing earns nothing, but for rectification: no bad rating is nothing left unrectified.
    points: round2((f[r] ?? (r === 'rectifiedOnTimeRate' ? 1 : 0)) * (s.weights[r] ?? 0)),
  }));
  parts.push({ part: 'cards', label: '监察牌（张）', value: f.cards, points: round2(-f.cards * s.cardPenalty) });
  parts.push({
    part: 'complaints',
    label: '属实投诉（件）',
    value: f.substantiatedComplaints,
    points: round2(-f.substantiatedComplaints * s.complaintPenalty),
  });
  return { score: round2(parts.reduce((n, p) => n + p.points, 0)), parts };
}

/** The minimums a row fails, by label (a rate over nothing fails a minimum: nothing shown, nothing earned). */
export function belowMinimum(f: AssessmentFigures, s: AssessmentSchemeBody): string[] {
  const out: string[] = [];
  for (const r of ASSESSMENT_RATES) {
    const min = s.minimums[r];
    if (min === undefined) continue;
    const v = f[r];
    const need = `${Math.round(min * 1000) / 10}%`;
    if (v === null) out.push(`${ASSESSMENT_RATE_LABELS[r]}无数据（须达 ${need}）`);
    else if (v < min) out.push(`${ASSESSMENT_RATE_LABELS[r]}低于 ${need}`);
  }
  if (f.concluded < s.minConcluded) out.push(`办结量不足 ${s.minConcluded} 件`);
  return out;
}

/** Two decimals; never -0 (a part with no penalty reads 0). */
const round2 = (n: number) => Math.round(n * 100) / 100 || 0;
