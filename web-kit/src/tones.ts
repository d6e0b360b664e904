import type {
  AdjustmentState,
  CardLevel,
  CaseState,
  ClockStanding,
  NoticeState,
  ReceiptState,
  SubtaskState,
  WebhookDeliveryStatus,
} from '@onewindow/shared';

/** The colour family a state is drawn in; one table for every app. */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export const CASE_STATE_TONES: Record<CaseState, Tone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  SUPPLEMENT_REQUIRED: 'warning',
  IN_REVIEW: 'info',
  SUSPENDED: 'warning',
  FORWARDED: 'info',
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

/** A deemed approval is never drawn as a person's: it has its own (warning) tone. */
export const SUBTASK_STATE_TONES: Record<SubtaskState, Tone> = {
  OPEN: 'info',
  APPROVED: 'success',
  REJECTED: 'danger',
  RETURNED: 'warning',
  DEEMED_APPROVED: 'warning',
  CANCELLED: 'neutral',
};

export const WEBHOOK_DELIVERY_TONES: Record<WebhookDeliveryStatus, Tone> = {
  PENDING: 'warning',
  DELIVERED: 'success',
  FAILED: 'danger',
};

/** 待缴费 asks for action; settled is success; a cancelled notice stays on record, greyed. */
export const NOTICE_STATE_TONES: Record<NoticeState, Tone> = {
  ISSUED: 'warning',
  PAID: 'success',
  WAIVED: 'success',
  CANCELLED: 'neutral',
};

export const ADJUSTMENT_STATE_TONES: Record<AdjustmentState, Tone> = {
  REQUESTED: 'warning',
  APPROVED: 'success',
  REJECTED: 'neutral',
};

export const RECEIPT_STATE_TONES: Record<ReceiptState, Tone> = {
  ISSUED: 'success',
  VOIDED: 'danger',
  SPOILED: 'neutral',
};
