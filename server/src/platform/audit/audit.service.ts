import { Injectable } from '@nestjs/common';
import type { AuditEntryDto, AuditQuery, AuditVerifyResult, Page } from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestActor } from '../auth/request-actor.js';
import { PlatformClock } from '../clock/platform-clock.service.js';
import { AuditChainHeadEntity, AuditEntryEntity, GENESIS_HASH } from './audit-entry.entity.js';
import { auditHash } from './audit-hash.js';

export interface AuditRecord {
  /** dotted verb, e.g. `org.staff.created` */
  action: string;
  targetType: string;
  targetId: string | null;
  /** What changed, e.g. `{ before: {...}, after: {...} }`; never passwords or tokens. */
  summary: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
  ) {}

  /**
   * Appends one row inside the caller's transaction. The head row lock orders
   * concurrent writers; call it last in a transaction to hold the lock briefly.
   */
  async record(m: EntityManager, actor: RequestActor, rec: AuditRecord): Promise<void> {
    if (!m.queryRunner?.isTransactionActive) throw new Error('audit.record must run inside the transaction of the change');
    const [head] = await m.query('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');
    const p = actor.principal;
    const content = {
      seq: Number(head.last_seq) + 1,
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
      prevHash: head.last_hash as string,
    };
    const hash = auditHash(content);
    // jsonb summary: TypeORM types it as a deep partial entity, which a free-form record is not.
    await m.insert(AuditEntryEntity, { ...content, hash } as never);
    await m.update(AuditChainHeadEntity, 1, { lastSeq: content.seq, lastHash: hash });
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
