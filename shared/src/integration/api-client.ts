/**
 * 应用接入: the machine clients of departments' own systems and of the collecting bank. A client authenticates with
 * OAuth 2.0 client credentials and acts within its scopes and its owner's department, by the same rules and state
 * machine as the department's staff.
 */
export const ApiScope = {
  CASES_READ: 'cases:read',
  STEPS_WRITE: 'steps:write',
  DECISIONS_WRITE: 'decisions:write',
  SUBTASKS_WRITE: 'subtasks:write',
  PAYMENTS_WRITE: 'payments:write',
  WEBHOOKS_MANAGE: 'webhooks:manage',
} as const;
export type ApiScope = (typeof ApiScope)[keyof typeof ApiScope];
export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  'cases:read': '读取本部门办件、材料和变更',
  'steps:write': '回传审查意见、送达（证照编号）等办理环节',
  'decisions:write': '回传审批决定，转报上报件和上级机关的决定',
  'subtasks:write': '回传并联审批协办意见',
  'payments:write': '确认缴款（代收银行）',
  'webhooks:manage': '订阅事件推送',
};

export const ApiClientOwnerKind = { DEPARTMENT: 'DEPARTMENT', BANK: 'BANK' } as const;
export type ApiClientOwnerKind = (typeof ApiClientOwnerKind)[keyof typeof ApiClientOwnerKind];

export interface ApiClientDto {
  id: string;
  /** What the client sends as `client_id`. */
  clientId: string;
  name: string;
  ownerKind: ApiClientOwnerKind;
  /** The department it works for (null for the bank). */
  departmentId: string | null;
  scopes: ApiScope[];
  contactName: string;
  contactPhone: string;
  ratePerMinute: number;
  createdAt: string;
  createdByName: string;
  revokedAt: string | null;
  /** Secrets in force: the newest, and an older one until its overlap ends. */
  secrets: { prefix: string; createdAt: string; expiresAt: string | null }[];
  lastUsedAt: string | null;
}

export interface CreateApiClientRequest {
  name: string;
  ownerKind: ApiClientOwnerKind;
  departmentId?: string | null;
  scopes: ApiScope[];
  contactName: string;
  contactPhone: string;
  ratePerMinute?: number;
}

export interface RotateApiClientSecretRequest {
  /** How long the old secret keeps working, in hours (0: at once no more). */
  overlapHours: number;
}

/** The secret, shown once: only its hash is kept. */
export interface ApiClientSecretDto {
  client: ApiClientDto;
  clientSecret: string;
}

/** RFC 6749 §5.1. */
export interface ClientTokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/**
 * One change a client may see, in commit order. `cursor` is what `GET /events?after=` takes to resume right after it.
 */
export interface IntegrationEventDto {
  cursor: string;
  type: string;
  occurredAt: string;
  caseId: string | null;
  data: Record<string, unknown>;
}

export interface IntegrationEventPage {
  events: IntegrationEventDto[];
  /** Where to resume: the last event's cursor, or the one given when nothing new has committed. */
  next: string;
}
