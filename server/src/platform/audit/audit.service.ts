import { Injectable } from '@nestjs/common';
import type { AuditEntryDto, AuditQuery, AuditVerifyResult, Page } from '@onewindow/shared';
import { DataSource, type EntityManager, type EntitySubscriberInterface, EventSubscriber, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
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

type PendingEntry = Omit<AuditEntryEntity, 'seq' | 'prevHash' | 'hash'>;
/** Entries recorded in each open transaction, waiting to be chained at its commit. */
const pending = new WeakMap<QueryRunner, PendingEntry[]>();

/**
 * Chains a transaction's audit entries just before it commits: lock the head, number and hash the
 * entries in order, insert them, move the head. A failure here fails the commit, so a change and its
 * audit entries are written together or not at all.
 */
@EventSubscriber()
export class AuditChainSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(e: TransactionCommitEvent): Promise<void> {
    const list = pending.get(e.queryRunner);
    if (!list?.length) return;
    pending.delete(e.queryRunner);
    const [head] = await e.queryRunner.query('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');
    let seq = Number(head.last_seq);
    let prevHash = head.last_hash as string;
    const rows = list.map((entry) => {
      const content = { ...entry, seq: ++seq, prevHash };
      prevHash = auditHash(content);
      return { ...content, hash: prevHash };
    });
    // jsonb summary: TypeORM types it as a deep partial entity, which a free-form record is not.
    await e.manager.insert(AuditEntryEntity, rows as never);
    await e.manager.update(AuditChainHeadEntity, 1, { lastSeq: seq, lastHash: prevHash });
  }

  afterTransactionRollback(e: TransactionRollbackEvent): void {
    pending.delete(e.queryRunner);
  }
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
