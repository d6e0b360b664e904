/**
 * Webhooks (事件推送): a client with `webhooks:manage` subscribes URLs to event types; each event is delivered after
 * Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`), at least once, in order per case.
 */

/** The families of events; a subscription names exact types (`case.accept`) or a family (`case.*`), or `*`. */
export const WEBHOOK_EVENT_FAMILIES = {
  case: '办件的每个办理环节（受理、审查、决定、送达……）',
  subtask: '并联审批协办子任务（开启、意见、退回、答复、超时默认同意）',
  card: '电子监察黄牌、红牌（发出、撤销）',
  payment: '缴款（确认、退费）',
} as const;
export type WebhookEventFamily = keyof typeof WEBHOOK_EVENT_FAMILIES;

/** `case.accept`, `subtask.*`, `*`. */
export const WEBHOOK_EVENT_TYPE_PATTERN = /^(\*|(case|subtask|card|payment)\.(\*|[a-z][a-z_]{0,39}))$/;

export const WebhookEndpointStatus = { ACTIVE: 'ACTIVE', DISABLED: 'DISABLED' } as const;
export type WebhookEndpointStatus = (typeof WebhookEndpointStatus)[keyof typeof WebhookEndpointStatus];
export const WEBHOOK_ENDPOINT_STATUS_LABELS: Record<WebhookEndpointStatus, string> = {
  ACTIVE: '推送中',
  DISABLED: '已停用',
};

export const WebhookDeliveryStatus = { PENDING: 'PENDING', DELIVERED: 'DELIVERED', FAILED: 'FAILED' } as const;
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatus)[keyof typeof WebhookDeliveryStatus];
export const WEBHOOK_DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = {
  PENDING: '待送达',
  DELIVERED: '已送达',
  FAILED: '已放弃',
};

export interface WebhookEndpointDto {
  id: string;
  apiClientId: string;
  url: string;
  description: string;
  eventTypes: string[];
  status: WebhookEndpointStatus;
  /** Why it stopped (the receiver answered 410 Gone, or who disabled it). */
  disabledReason: string | null;
  /** Since when the receiver has answered nothing but failures; null while it answers. */
  failingSince: string | null;
  /** Until when the previous secret also signs, after a rotation. */
  previousSecretUntil: string | null;
  createdAt: string;
  /** Deliveries by status. */
  counts: Record<WebhookDeliveryStatus, number>;
}

export interface CreateWebhookRequest {
  url: string;
  eventTypes: string[];
  description?: string;
}

export interface UpdateWebhookRequest {
  url?: string;
  eventTypes?: string[];
  description?: string;
  /** false stops deliveries (they wait); true resumes them. */
  enabled?: boolean;
}

export interface RotateWebhookSecretRequest {
  /** How long the old secret keeps signing beside the new one, in hours (0: not at all). */
  overlapHours: number;
}

/** The signing secret (`whsec_…`), shown on creation and rotation only. */
export interface WebhookSecretDto {
  endpoint: WebhookEndpointDto;
  secret: string;
}

export interface WebhookAttemptDto {
  attemptedAt: string;
  /** The receiver's HTTP status; null when none came (timeout, refused connection). */
  status: number | null;
  durationMs: number;
  error: string | null;
  responseBody: string | null;
  /** A manual redelivery. */
  manual: boolean;
}

export interface WebhookDeliveryDto {
  id: string;
  endpointId: string;
  /** `webhook-id`: the same on every attempt. */
  messageId: string;
  eventType: string;
  caseId: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  /** The body sent. */
  payload: unknown;
  attemptLog: WebhookAttemptDto[];
}
