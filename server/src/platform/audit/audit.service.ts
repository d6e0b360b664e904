import { Injectable } from '@nestjs/common';
import type { AuditEntryDto, AuditQuery, AuditVerifyResult, Page } from '@onewindow/shared';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { DeferredWrite } from '../database/deferred-writes.js';
import type { RequestActor } from '../auth/request-actor.js';
import { PlatformClock } from '../clock/platform-clock.service.js';
import { AuditEntryEntity, GENESIS_HASH } from './audit-entry.entity.js';
import { auditHash } from './audit-hash.js';

export interface AuditRecord {
  /** dotted verb, e.g. `org.staff.created` */
  action: string;
  targetType: string;
  targetId: string | null;
  /** What changed, e.g. `{ before: {...}, after: {...} }`; never passwords or tokens. */
  summary: Record<string, unknown>;
}

type PendingEntry = Omit<AuditEntryEntity, 'seq' | 'prevHash' | 'hash'>;
/** Entries recorded in each open transaction, waiting to be chained at its commit. */
const pending = new WeakMap<QueryRunner, PendingEntry[]>();

/**
 * The audit entries of a committing transaction, chained: lock the head, number and hash the entries in
 * order, and return the writes (entries and new head) for the commit to send with the transaction's
 * other deferred writes. A failure here fails the commit, so a change and its audit entries are
 * written together or not at all.
 */
export async function chainPendingAudit(qr: QueryRunner): Promise<DeferredWrite[]> {
  const list = pending.get(qr);
  pending.delete(qr);
  if (!list?.length) return [];
  const [head] = await qr.query('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');
  let seq = Number(head.last_seq);
  let prevHash = head.last_hash as string;
  const rows = list.map((entry) => {
    const content = { ...entry, seq: ++seq, prevHash };
    prevHash = auditHash(content);
    return { ...content, hash: prevHash };
  });
  return [
    {
      sql: `INSERT INTO audit_entry (seq, at, actor_id, actor_kind, actor_name, role, department_id, acting_for_id, action, target_type, target_id, summary, request_id, client_ip, prev_hash, hash)
            SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, at timestamptz, actor_id uuid, actor_kind varchar, actor_name varchar, role varchar, department_id uuid,
              acting_for_id uuid, action varchar, target_type varchar, target_id varchar, summary jsonb, request_id varchar, client_ip varchar, prev_hash char(64), hash char(64))`,
      params: [JSON.stringify(rows.map(toColumns))],
      expectRows: rows.length,
    },
    { sql: 'UPDATE audit_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1', params: [seq, prevHash], expectRows: 1 },
  ];
}

export function discardPendingAudit(qr: QueryRunner): void {
  pending.delete(qr);
}

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
  ) {}

  /**
   * Records one entry in the caller's transaction. The entry is chained (sequence, previous hash) when
   * the transaction commits, so the head row, which orders every writer, is locked only for the
   * final insert and the commit rather than for the whole change.
   */
  async record(m: EntityManager, actor: RequestActor, rec: AuditRecord): Promise<void> {
    const qr = m.queryRunner;
    if (!qr?.isTransactionActive) throw new Error('audit.record must run inside the transaction of the change');
    const p = actor.principal;
    const list = pending.get(qr) ?? [];
    list.push({
      at: this.clock.now(),
      actorId: p?.id ?? null,
      actorKind: p?.kind ?? null,
      actorName: p?.name ?? null,
      role: p?.roles.join(',') || null,
      departmentId: p?.departmentId ?? null,
      actingForId: actor.actingForId,
      action: rec.action,
      targetType: rec.targetType,
      targetId: rec.targetId,
      summary: rec.summary,
      requestId: actor.requestId,
      clientIp: actor.clientIp,
    });
    pending.set(qr, list);
  }

  async list(q: AuditQuery): Promise<Page<AuditEntryDto>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.targetType) qb.andWhere('a.target_type = :tt', { tt: q.targetType });
    if (q.targetId) qb.andWhere('a.target_id = :tid', { tid: q.targetId });
    if (q.actorId) qb.andWhere('a.actor_id = :aid', { aid: q.actorId });
    const [rows, total] = await qb
      .orderBy('a.seq', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toDto), total, page, pageSize };
  }

  /** Walks the whole chain in order and reports the first row that does not hold. */
  async verify(): Promise<AuditVerifyResult> {
    return verifyAuditChain(this.dataSource.manager);
  }
}

function toColumns(r: Omit<AuditEntryEntity, 'seq'> & { seq: number }) {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actor_id: r.actorId,
    actor_kind: r.actorKind,
    actor_name: r.actorName,
    role: r.role,
    department_id: r.departmentId,
    acting_for_id: r.actingForId,
    action: r.action,
    target_type: r.targetType,
    target_id: r.targetId,
    summary: r.summary,
    request_id: r.requestId,
    client_ip: r.clientIp,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

const BATCH = 2000;

export async function verifyAuditChain(m: EntityManager): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await m
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('a')
      .where('a.seq >= :from', { from: expectedSeq })
      .orderBy('a.seq', 'ASC')
      .take(BATCH)
      .getMany();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'SEQUENCE_GAP' };
      if (row.prevHash !== prevHash) return { ok: false, checked, firstBrokenSeq: seq, reason: 'PREVIOUS_HASH_MISMATCH' };
      const { hash, ...content } = row;
      if (auditHash({ ...content, seq }) !== hash) return { ok: false, checked, firstBrokenSeq: seq, reason: 'CONTENT_HASH_MISMATCH' };
      prevHash = hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  // Rows removed from the end show as a head that points past the last row.
  const [head] = await m.query('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1');
  if (Number(head.last_seq) !== expectedSeq - 1 || head.last_hash !== prevHash) {
    return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: 'SEQUENCE_GAP' };
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}

function toDto(a: AuditEntryEntity): AuditEntryDto {
  return {
    seq: Number(a.seq),
    at: a.at.toISOString(),
    actorId: a.actorId,
    actorKind: a.actorKind,
    actorName: a.actorName,
    role: a.role,
    departmentId: a.departmentId,
    actingForId: a.actingForId,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    summary: a.summary,
    requestId: a.requestId,
    clientIp: a.clientIp,
    hash: a.hash,
  };
}
