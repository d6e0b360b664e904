import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { caseActionAllowed, type CaseAction, type CaseState, type StepResultCode } from '@onewindow/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { CaseEntity, CaseStepEntity } from './case.entities.js';
import { CaseErrors } from './case.exception.js';

export interface StepInput {
  opinion?: string | null;
  resultCode?: StepResultCode | null;
  noticeId?: string | null;
  /** AB-post: the away colleague the actor acts for. */
  actingFor?: { id: string; name: string } | null;
  details?: Record<string, unknown>;
}

// No 0/O/1/I/L: read aloud over the phone and typed from paper.
const QUERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * The one place a case changes state: it locks the case row, checks the action against the state
 * machine (a refused one is a 409 naming the state), appends the step to the case's record and
 * audits it, all in the caller's transaction. Two clerks acting on one case at once: the second
 * waits for the lock, then finds the new state and is refused.
 */
@Injectable()
export class CaseLedger {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  async lock(m: EntityManager, id: string): Promise<CaseEntity> {
    const c = await m.findOne(CaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!c) throw CaseErrors.notFound();
    return c;
  }

  assert(c: CaseEntity, action: CaseAction): void {
    if (!caseActionAllowed(c.state, action)) throw CaseErrors.notAllowed(c.state, action);
  }

  /** Records the action and moves the case to `to` (saved with the case's other changes). */
  async step(m: EntityManager, c: CaseEntity, action: CaseAction, to: CaseState, actor: RequestActor, input: StepInput = {}): Promise<CaseStepEntity> {
    this.assert(c, action);
    const from = c.state;
    const now = this.clock.now();
    const [{ seq }] = await m.query('SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM case_step WHERE case_id = $1', [c.id]);
    const step = m.create(CaseStepEntity, {
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
        details: input.details ?? {},
      });
    await m.insert(CaseStepEntity, step as never);
    c.state = to;
    c.updatedAt = now;
    await m.save(c);
    await this.audit.record(m, input.actingFor ? { ...actor, actingForId: input.actingFor.id } : actor, {
      action: `case.${action.toLowerCase()}`,
      targetType: 'case',
      targetId: c.id,
      summary: { receiptNo: c.receiptNo, caseNo: c.caseNo, from, to, ...(input.opinion ? { opinion: input.opinion } : {}), ...(input.details ?? {}) },
    });
    return step;
  }

  /** The next number of a daily sequence (receipt numbers, each department's case numbers): gapless and unique under concurrency. */
  async next(m: EntityManager, scope: string, day: string): Promise<number> {
    const [{ value }] = await m.query(
      `INSERT INTO case_sequence (scope, day, value) VALUES ($1, $2, 1)
       ON CONFLICT (scope, day) DO UPDATE SET value = case_sequence.value + 1 RETURNING value`,
      [scope, day],
    );
    return value;
  }

  queryCode(): string {
    return Array.from({ length: 6 }, () => QUERY_ALPHABET[randomInt(QUERY_ALPHABET.length)]).join('');
  }
}
