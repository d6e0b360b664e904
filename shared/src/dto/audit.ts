export interface AuditEntryDto {
  seq: number;
  at: string;
  actorId: string | null;
  actorKind: string | null;
  actorName: string | null;
  role: string | null;
  departmentId: string | null;
  actingForId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
  clientIp: string | null;
  hash: string;
}

export interface AuditQuery {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorId?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** First row whose stored hashes do not match its content or its predecessor. */
  firstBrokenSeq: number | null;
  reason: 'CONTENT_HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'SEQUENCE_GAP' | null;
}
