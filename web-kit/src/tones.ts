import type { CardLevel, CaseState, ClockStanding } from '@onewindow/shared';

/** The colour family a state is drawn in; one table for every app. */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export const CASE_STATE_TONES: Record<CaseState, Tone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  SUPPLEMENT_REQUIRED: 'warning',
  IN_REVIEW: 'info',
  SUSPENDED: 'warning',
  APPROVED: 'success',
  DENIED: 'danger',
  COMPLETED: 'success',
  REJECTED: 'danger',
  WITHDRAWN: 'neutral',
};

export const CLOCK_STANDING_TONES: Record<ClockStanding, Tone> = {
  NORMAL: 'success',
  WARNING: 'warning',
  OVERDUE: 'danger',
  PAUSED: 'neutral',
  NONE: 'neutral',
};

export const CARD_LEVEL_TONES: Record<CardLevel, Tone> = { YELLOW: 'warning', RED: 'danger' };
