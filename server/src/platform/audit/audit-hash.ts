import { createHash } from 'node:crypto';
import type { AuditEntryEntity } from './audit-entry.entity.js';

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export type AuditContent = Omit<AuditEntryEntity, 'hash'>;

export function auditHash(e: AuditContent): string {
  const content = canonicalJson([
    e.seq,
    e.at.toISOString(),
    e.actorId,
    e.actorKind,
    e.actorName,
    e.role,
    e.departmentId,
    e.actingForId,
    e.action,
    e.targetType,
    e.targetId,
    e.summary,
    e.requestId,
    e.clientIp,
    e.prevHash,
  ]);
  return createHash('sha256').update(content).digest('hex');
}
