import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { AuditEntryDto, AuditQuery, AuditVerifyResult, Page } from '@onewindow/shared';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { AfterCommit } from '../database/after-commit.js';
import type { DeferredWrite } from '../database/deferred-writes.js';
import type { RequestActor } from '../auth/request-actor.js';
import { PlatformClock } from '../clock/platform-clock.service.js';
import { AuditEntryEntity, GENESIS_HASH } from './audit-entry.entity.js';
import { auditHash } from './audit-hash.js';
import { Paging } from '../http/paging.js';

export interface AuditRecord {
  /** dotted verb, e.g. `org.staff.created` */
  action: string;
  targetType: string;
  targetId: string | null;
  /** What changed, e.g. `{ before: {...}, after: {...} }`; never passwords or tokens. */
  summary: Record<string, unknown>;
}

type PendingEntry = Omit<AuditEntryEntity, 'seq' | 'prevHash' | 'hash'>;
/** Entries recorded in each open transaction, written to `audit_pending` at its commit. */
const pending = new WeakMap<QueryRunner, PendingEntry[]>();

const ENTRY_COLUMNS = `at timestamptz, actor_id uuid, actor_kind varchar, actor_name varchar, role varchar, department_id uuid, acting_for_id uuid,
  action varchar, target_type varchar, target_id varchar, summary jsonb, request_id varchar, client_ip varchar`;
const ENTRY_NAMES =
  'at, actor_id, actor_kind, actor_name, role, department_id, acting_for_id, action, target_type, target_id, summary, request_id, client_ip';

/**
 * The audit entries of a committing transaction, as a write for the commit to send with its other
 * deferred writes: into `audit_pending`, with no lock, so concurrent writers never queue on the chain.
 * A change and its entries are committed together or not at all; the seal then chains them.
 */
export function pendingAuditWrites(qr: QueryRunner): DeferredWrite[] {
  const list = pending.get(qr);
  pending.delete(qr);
  if (!list?.length) return [];
  AfterCommit.add(qr, () => sealers.get(qr.connection)?.soon());
  return [
    {
      sql: `INSERT INTO audit_pending (${ENTRY_NAMES}) SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${ENTRY_COLUMNS})`,
      params: [JSON.stringify(list.map(toColumns))],
      expectRows: list.length,
    },
  ];
}

export function discardPendingAudit(qr: QueryRunner): void {
  pending.delete(qr);
}

const SEAL_BATCH = 2000;

/**
 * Seals waiting entries into the chain, a batch at a time, on `qr` (not in a transaction): lock the head,
 * take the waiting entries in the order they were written, number and hash each after the one before,
 * append them to `audit_entry` and remove them from `audit_pending`, in one transaction. The head lock
 * orders sealers across instances; within one, AuditService.seal runs one at a time. Returns how many it sealed.
 */
async function sealWaiting(qr: QueryRunner): Promise<number> {
  let total = 0;
  for (;;) {
    await qr.query('BEGIN');
    try {
      const [head] = await qr.query('SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE');
      const rows: (Record<string, unknown> & { id: number })[] = await qr.query(
        `SELECT id, ${ENTRY_NAMES} FROM audit_pending ORDER BY id LIMIT ${SEAL_BATCH}`,
      );
      if (!rows.length) {
        await qr.query('ROLLBACK');
        return total;
      }
      let seq = Number(head.last_seq);
      let prevHash = head.last_hash as string;
      const sealed = rows.map((r) => {
        const content = { ...fromColumns(r), seq: ++seq, prevHash };
        prevHash = auditHash(content);
        return { ...toColumns(content), seq: content.seq, prev_hash: content.prevHash, hash: prevHash };
      });
      const [n] = await qr.query(
        `WITH ins AS (INSERT INTO audit_entry (seq, ${ENTRY_NAMES}, prev_hash, hash)
                      SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, ${ENTRY_COLUMNS}, prev_hash char(64), hash char(64)) RETURNING 1),
              del AS (DELETE FROM audit_pending WHERE id = ANY($2::bigint[]) RETURNING 1),
              head AS (UPDATE audit_chain_head SET last_seq = $3, last_hash = $4 WHERE id = 1 RETURNING 1)
         SELECT (SELECT count(*) FROM ins)::int AS ins, (SELECT count(*) FROM del)::int AS del, (SELECT count(*) FROM head)::int AS head`,
        [JSON.stringify(sealed), rows.map((r) => r.id), seq, prevHash],
      );
      if (n.ins !== rows.length || n.del !== rows.length || n.head !== 1)
        throw new Error(`audit seal wrote ${JSON.stringify(n)} for ${rows.length} entries`);
      await qr.query('COMMIT');
      total += rows.length;
      if (rows.length < SEAL_BATCH) return total;
    } catch (e) {
      await qr.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }
}

/** The sealer of each data source (one per app instance): a commit that wrote entries asks it to seal soon. */
const sealers = new WeakMap<object, AuditService>();

/** How long a commit's entries may wait, to be sealed with the ones committed after them. */
const SEAL_DELAY_MS = 50;
/** How often each instance also seals whatever waits (entries of an instance that stopped before its seal). */
const SEAL_SWEEP_MS = 5000;

@Injectable()
export class AuditService implements OnModuleInit, OnModuleDestroy {
  private sweep: NodeJS.Timeout | null = null;
  private soonTimer: NodeJS.Timeout | null = null;
  private queued: Promise<void> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly log = new Logger(AuditService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
  ) {}

  onModuleInit(): void {
    sealers.set(this.dataSource, this);
    this.sweep = setInterval(() => this.sealQuietly(), SEAL_SWEEP_MS);
    this.sweep.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.sweep) clearInterval(this.sweep);
    if (this.soonTimer) clearTimeout(this.soonTimer);
    this.soonTimer = null;
    sealers.delete(this.dataSource);
    await this.seal().catch(() => undefined);
  }

  /**
   * A commit wrote entries: seal within SEAL_DELAY_MS, together with whatever else commits meanwhile, so
   * under load one seal (five statements) chains the entries of many changes.
   */
  soon(): void {
    if (this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      this.sealQuietly();
    }, SEAL_DELAY_MS);
  }

  private sealQuietly(): void {
    this.seal().catch((e: Error) => this.log.warn(`audit seal failed; the entries wait for the next: ${e.message}`));
  }

  /**
   * Seals every entry committed before the call. One seal runs at a time in an instance: a call while one
   * runs gets the next, which starts after it (calls meanwhile share that one). Readers of the chain
   * (list, verify) call it first, so they see every committed entry.
   */
  seal(): Promise<void> {
    if (this.queued) return this.queued;
    const run = this.tail
      .catch(() => undefined)
      .then(async () => {
        this.queued = null;
        const qr = this.dataSource.createQueryRunner();
        try {
          await sealWaiting(qr);
        } finally {
          await qr.release();
        }
      });
    this.queued = run;
    this.tail = run;
    return run;
  }

  /**
   * Records one entry in the caller's transaction. It is written with the change at its commit, and
   * chained (number, previous hash) by the seal that follows within moments, so no writer holds the
   * chain's head while it commits.
   */
  async record(m: EntityManager, actor: RequestActor, rec: AuditRecord): Promise<void> {
    const qr = m.queryRunner;
    if (!qr?.isTransactionActive) throw new Error('audit.record must run inside the transaction of the change');
    const list = pending.get(qr) ?? [];
    list.push(this.entry(actor, rec));
    pending.set(qr, list);
  }

  /**
   * For a set-based change of many rows in one statement (a backlog the sweep concludes): a CTE `name` writing one
   * entry per row of the CTE `source`, `targetId` and `summary` being SQL over its columns, with the actor and action
   * bound as JSON (`rowsActor`) to the caller's parameter `actorParam`. Call `sealAfterCommit` in that transaction.
   */
  static rowsSql(name: string, source: string, actorParam: string, targetId: string, summary: string): string {
    return `${name} AS (
  INSERT INTO audit_pending (${ENTRY_NAMES})
  SELECT x.at, x.actor_id, x.actor_kind, x.actor_name, x.role, x.department_id, x.acting_for_id, x.action, x.target_type,
         (${targetId})::varchar, (${summary})::jsonb, x.request_id, x.client_ip
  FROM ${source}, jsonb_to_record(${actorParam}::jsonb) AS x(${ENTRY_COLUMNS})
  RETURNING 1
)`;
  }

  /** The actor, the action and the target type of `rowsSql`'s entries, as its parameter. */
  rowsActor(actor: RequestActor, action: string, targetType: string): string {
    return JSON.stringify(toColumns(this.entry(actor, { action, targetType, targetId: null, summary: {} })));
  }

  /** Entries `rowsSql` wrote in `m`'s transaction are sealed soon after it commits. */
  sealAfterCommit(m: EntityManager): void {
    const qr = m.queryRunner;
    if (!qr?.isTransactionActive)
      throw new Error('audit.sealAfterCommit must run inside the transaction of the change');
    AfterCommit.add(qr, () => sealers.get(qr.connection)?.soon());
  }

  private entry(actor: RequestActor, rec: AuditRecord): PendingEntry {
    const p = actor.principal;
    return {
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
    };
  }

  async list(q: AuditQuery): Promise<Page<AuditEntryDto>> {
    await this.seal();
    const paging = Paging.of(q);
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.targetType) qb.andWhere('a.target_type = :tt', { tt: q.targetType });
    if (q.targetId) qb.andWhere('a.target_id = :tid', { tid: q.targetId });
    if (q.actorId) qb.andWhere('a.actor_id = :aid', { aid: q.actorId });
    const { skip, take } = paging.skipTake;
    const [rows, total] = await qb.orderBy('a.seq', 'DESC').skip(skip).take(take).getManyAndCount();
    return paging.of(rows.map(toDto), total);
  }

  /** Seals what waits, then walks the whole chain in order and reports the first row that does not hold. */
  async verify(): Promise<AuditVerifyResult> {
    await this.seal();
    return verifyAuditChain(this.dataSource.manager);
  }
}

function toColumns(r: PendingEntry) {
  return {
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
  };
}

function fromColumns(r: Record<string, unknown>): PendingEntry {
  return {
    at: r.at as Date,
    actorId: r.actor_id as string | null,
    actorKind: r.actor_kind as string | null,
    actorName: r.actor_name as string | null,
    role: r.role as string | null,
    departmentId: r.department_id as string | null,
    actingForId: r.acting_for_id as string | null,
    action: r.action as string,
    targetType: r.target_type as string,
    targetId: r.target_id as string | null,
    summary: r.summary as Record<string, unknown>,
    requestId: r.request_id as string | null,
    clientIp: r.client_ip as string | null,
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
      if (row.prevHash !== prevHash)
        return { ok: false, checked, firstBrokenSeq: seq, reason: 'PREVIOUS_HASH_MISMATCH' };
      const { hash, ...content } = row;
      if (auditHash({ ...content, seq }) !== hash)
        return { ok: false, checked, firstBrokenSeq: seq, reason: 'CONTENT_HASH_MISMATCH' };
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
