import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  caseActionAllowed,
  type CaseAction,
  type CaseMaterialDto,
  type CaseState,
  type StepResultCode,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Failpoints } from '../../platform/testing/failpoints.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { AutonomousStatements } from '../../platform/database/autonomous-statements.js';
import { DeferredWrites } from '../../platform/database/deferred-writes.js';
import { Outbox } from '../../platform/outbox/outbox.js';
import { EntityRows } from '../../platform/database/entity-rows.js';
import { caseMaterialsJson } from './case-sql.js';
import { CaseEntity, CaseMaterialEntity, CaseStepEntity } from './case.entities.js';
import { CaseErrors } from './case.exception.js';
import { CaseExtensions } from './case-extensions.js';
import { CalendarSql } from '../calendar/calendar.module.js';

export interface StepInput {
  opinion?: string | null;
  resultCode?: StepResultCode | null;
  noticeId?: string | null;
  /** AB-post: the away colleague the actor acts for. */
  actingFor?: { id: string; name: string } | null;
  details?: Record<string, unknown>;
}

/** The last step number of each locked case: the next step takes the one after. */
const lastStep = new WeakMap<CaseEntity, number>();
/** When the locked case's latest step was recorded (null for a case without steps). */
const lastStepAt = new WeakMap<CaseEntity, Date>();

/**
 * The one place a case changes state: it locks the case row, checks the action against the state
 * machine (a refused one is a 409 naming the state), appends the step to the case's record and
 * audits it, all in the caller's transaction. Two clerks acting on one case at once: the second
 * waits for the lock, then finds the new state and is refused.
 */
@Injectable()
export class CaseLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    private readonly own: AutonomousStatements,
    private readonly failpoints: Failpoints,
    private readonly extensions: CaseExtensions,
  ) {}

  /** One change to one case: a transaction that starts by locking the case row. */
  change<T>(id: string, work: (m: EntityManager, c: CaseEntity) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => work(m, await this.lock(m, id)));
  }

  async lock(m: EntityManager, id: string): Promise<CaseEntity> {
    return ((await this.lockWith(m, id)) ?? this.notFound()).c;
  }

  /**
   * The locked case with its materials and its acceptance clock, locked too, in one query: what the
   * acceptance decision looks at, with any `extra` subqueries it wants read in the same round trip (by
   * alias, in `raw`). `clock` is null for a case without one (a draft), which the decision then refuses.
   */
  async lockForAcceptance(
    m: EntityManager,
    id: string,
    extra: Record<string, string> = {},
  ): Promise<{
    c: CaseEntity;
    materials: CaseMaterialDto[];
    clock: Record<string, unknown> | null;
    raw: Record<string, unknown>;
  }> {
    const more = { materials: caseMaterialsJson('sc.id'), ...extra };
    const locked = await this.lockWith(
      m,
      id,
      { ...more, acceptance_clock: 'to_jsonb(ck)' },
      `JOIN ${CalendarSql.clock('ck')} ON ck.id = sc.acceptance_clock_id`,
      'sc, ck',
    );
    const { c, raw } = locked ?? (await this.lockWith(m, id, more)) ?? this.notFound();
    return {
      c,
      materials: raw.materials as CaseMaterialDto[],
      clock: (raw.acceptance_clock as Record<string, unknown> | undefined) ?? null,
      raw,
    };
  }

  /**
   * Locks the case row (and the rows of `join`, as `lockOf` names them), reading its last step number and any
   * `extra` subqueries, by alias, with it. Null when no row matches.
   */
  private async lockWith(
    m: EntityManager,
    id: string,
    extra: Record<string, string> = {},
    join = '',
    lockOf = 'sc',
  ): Promise<{ c: CaseEntity; raw: Record<string, unknown> } | null> {
    const more = Object.entries(extra)
      .map(([alias, sql]) => `, (${sql}) AS "${alias}"`)
      .join('');
    const [row] = await m.query(
      `SELECT ${EntityRows.columns(m, CaseEntity, 'sc')}, (SELECT coalesce(max(s.seq), 0) FROM case_step s WHERE s.case_id = sc.id) AS last_step,
              (SELECT max(s.at) FROM case_step s WHERE s.case_id = sc.id) AS last_step_at${more}
       FROM service_case sc ${join} WHERE sc.id = $1 FOR UPDATE OF ${lockOf}`,
      [id],
    );
    if (!row) return null;
    const c = EntityRows.entity(m, CaseEntity, row);
    lastStep.set(c, Number(row.last_step));
    if (row.last_step_at) lastStepAt.set(c, new Date(row.last_step_at as string));
    return { c, raw: row };
  }

  private notFound(): never {
    throw CaseErrors.notFound();
  }

  assert(c: CaseEntity, action: CaseAction): void {
    if (!caseActionAllowed(c.state, action)) throw CaseErrors.notAllowed(c.state, action);
  }

  /**
   * Records the action and moves the case to `to`. The step and the case row, with the caller's other
   * changes to it, are written at the commit with the transaction's other deferred writes.
   */
  async step(
    m: EntityManager,
    c: CaseEntity,
    action: CaseAction,
    to: CaseState,
    actor: RequestActor,
    input: StepInput = {},
  ): Promise<void> {
    this.assert(c, action);
    const from = c.state;
    const now = this.clock.now();
    const seq = (lastStep.get(c) ?? 0) + 1;
    lastStep.set(c, seq);
    const previousAt = lastStepAt.get(c) ?? null;
    lastStepAt.set(c, now);
    DeferredWrites.insert(m, CaseStepEntity, [
      {
        id: randomUUID(),
        caseId: c.id,
        seq,
        action,
        fromState: action === 'SAVE_DRAFT' && seq === 1 ? null : from,
        toState: to,
        actorId: actor.principal?.id ?? null,
        actorName: actor.principal?.name ?? '系统',
        actingForId: input.actingFor?.id ?? null,
        actingForName: input.actingFor?.name ?? null,
        at: now,
        opinion: input.opinion ?? null,
        resultCode: input.resultCode ?? null,
        noticeId: input.noticeId ?? null,
        // A department's system may say when the act happened; the step keeps the server's time as its own.
        details: actor.occurredAt
          ? { ...input.details, occurredAt: actor.occurredAt.toISOString() }
          : (input.details ?? {}),
      },
    ]);
    c.state = to;
    c.updatedAt = now;
    this.write(m, c);
    // Departments' systems hear of every step but a draft's (the applicant's own until it is sent).
    if (to !== 'DRAFT')
      Outbox.add(m, {
        type: `case.${action.toLowerCase()}`,
        caseId: c.id,
        departmentId: c.departmentId,
        occurredAt: now,
        data: {
          caseId: c.id,
          receiptNo: c.receiptNo,
          caseNo: c.caseNo,
          matterCode: c.matterCode,
          action,
          from,
          to,
          seq,
          resultCode: input.resultCode ?? null,
        },
      });
    await this.audit.record(m, input.actingFor ? { ...actor, actingForId: input.actingFor.id } : actor, {
      action: `case.${action.toLowerCase()}`,
      targetType: 'case',
      targetId: c.id,
      summary: {
        receiptNo: c.receiptNo,
        caseNo: c.caseNo,
        from,
        to,
        ...(input.opinion ? { opinion: input.opinion } : {}),
        ...(input.details ?? {}),
      },
    });
    await this.extensions.stepped(m, c, action, actor);
    await this.extensions.acted(m, c, actor, previousAt);
    this.failpoints.pass('ledger.step-written');
  }

  /** An act on the locked case that is not a step of its own (a co-department's opinion), for the extensions. */
  acted(m: EntityManager, c: CaseEntity, actor: RequestActor): Promise<void> {
    return this.extensions.acted(m, c, actor, lastStepAt.get(c) ?? null);
  }

  /**
   * A locked case's row, written back whole at the commit with the transaction's other deferred writes (a later
   * write of the same case in the transaction replaces this one).
   */
  write(m: EntityManager, c: CaseEntity): void {
    DeferredWrites.update(m, CaseEntity, c);
  }

  /** A new case (a draft or a walk-in) with its checklist, written at once: the transaction goes on to read them. */
  async create(m: EntityManager, c: CaseEntity, materials: Omit<CaseMaterialEntity, 'id' | 'caseId'>[]): Promise<void> {
    await m.save(c);
    if (materials.length)
      await m.insert(
        CaseMaterialEntity,
        materials.map((x) => ({ ...x, caseId: c.id })),
      );
  }

  /** The checklist of a locked case, by material index. */
  async materials(m: EntityManager, caseId: string): Promise<Map<number, CaseMaterialEntity>> {
    const rows = await m.find(CaseMaterialEntity, { where: { caseId }, order: { materialIndex: 'ASC' } });
    return new Map(rows.map((x) => [x.materialIndex, x]));
  }

  /** One item of a locked case's checklist, written at once (the checklist is read again in the transaction). */
  async writeMaterial(m: EntityManager, mat: CaseMaterialEntity): Promise<void> {
    await m.save(mat);
  }

  /**
   * The next number of a daily sequence (receipt numbers, each department's case numbers): unique and in
   * order under concurrency. It commits at once, on its own, so the sequence row is locked only for that
   * statement, not until the caller's commit: concurrent acceptances in one department would otherwise
   * queue one behind the other. Numbers are taken after every check of the action, so only a failed
   * commit leaves one unused.
   */
  async next(m: EntityManager, scope: string, day: string): Promise<number> {
    const [{ value }] = await this.own.query<{ value: number }>(
      m,
      `INSERT INTO case_sequence (scope, day, value) VALUES ($1, $2, 1)
       ON CONFLICT (scope, day) DO UPDATE SET value = case_sequence.value + 1 RETURNING value`,
      [scope, day],
    );
    return value;
  }
}
