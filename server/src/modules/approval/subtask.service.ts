import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type AnswerSubtaskRequest,
  type DeemedSubtaskDto,
  type MatterContent,
  maskName,
  type Page,
  type PauseClockRequest,
  type Principal,
  Role,
  SUBTASK_OUTCOME_ACTION,
  type SubtaskAction,
  type SubtaskCountsDto,
  subtaskNext,
  type SubtaskOpinionRequest,
  type SubtaskOverrideDto,
  subtaskPending,
  type SubtaskState,
  type SubtaskSummaryDto,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { type RequestActor, systemActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DeferredWrites } from '../../platform/database/deferred-writes.js';
import { Outbox } from '../../platform/outbox/outbox.js';
import { PlatformSql } from '../../platform/outbox/platform.sql.js';
import type { Paging } from '../../platform/http/paging.js';
import { AcceptanceSql, CaseAccess, type CaseEntity, CaseLedger } from '../acceptance/acceptance.module.js';
import { CalendarSql, ClockReader, ClockService } from '../calendar/calendar.module.js';
import { OrganizationSql } from '../organization/organization.module.js';
import { CaseSubtaskEntity } from './approval.entities.js';
import { ApprovalErrors } from './approval.exception.js';

const DEEMED_OPINION = '系统：超时默认同意（协办部门未在时限内出具意见，依事项设定视为同意）';

/** The case states in which co-departments work on their sub-tasks (a special procedure pauses, it does not stop). */
const WORKING_STATES = new Set(['IN_REVIEW', 'SUSPENDED']);

const STANDING = CalendarSql.standing('ck', '$1');

/**
 * 并联审批 (DOMAIN.md §4): on accepting a joint case every co-department gets a sub-task on its own SUBTASK clock,
 * started at the acceptance instant; each ends it with an opinion, or returns it to the lead, whose answer opens a
 * successor with a new clock; the sweep deems a silent one approved at its due time where silence is consent. Every
 * change locks the case row first (`CaseLedger.change`), so a sub-task changes once however many try at once.
 */
@Injectable()
export class SubtaskService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CaseLedger,
    private readonly clocks: ClockService,
    private readonly clockReader: ClockReader,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  /** In the acceptance's transaction: one sub-task per co-department of the case's version, clocks from `c.acceptedAt`. */
  async open(m: EntityManager, c: CaseEntity, actor: RequestActor, content: MatterContent): Promise<void> {
    if (!content.coDepartments.length) return;
    const rows: CaseSubtaskEntity[] = [];
    for (const [i, co] of content.coDepartments.entries()) {
      const id = randomUUID();
      const clock = await this.clocks.start(
        actor,
        { subjectKind: 'SUBTASK', subjectId: id, departmentId: co.departmentId, limit: co.subtaskLimit },
        m,
        null,
        c.acceptedAt!,
      );
      rows.push(this.row(c, id, i + 1, co.departmentId, co.silenceIsConsent, co.subtaskLimit, clock.id, null));
    }
    DeferredWrites.insert(m, CaseSubtaskEntity, rows);
    Outbox.add(m, ...rows.map((st) => this.event(c, st, 'subtask.open', {})));
  }

  /** A co-department's CLERK or APPROVER ends its sub-task: 同意, 不同意 (reasons and basis), or 退回 (what is missing). */
  async conclude(actor: RequestActor, id: string, dto: SubtaskOpinionRequest): Promise<string> {
    const action = SUBTASK_OUTCOME_ACTION[dto.outcome];
    if (action === 'REJECT' && !dto.legalBasis?.trim()) throw ApprovalErrors.rejectionNeedsBasis();
    return this.onCase(id, async (m, c, st) => {
      const p = actor.principal;
      if (!DepartmentScope.worker(p) || !p.roles.some((r) => r === Role.CLERK || r === Role.APPROVER))
        throw AuthErrors.forbiddenRole();
      // Only the co-department's own staff: center-wide roles read, they do not give a department's opinion.
      if (p.departmentId !== st.departmentId) throw AuthErrors.departmentScope();
      if (!WORKING_STATES.has(c.state)) throw ApprovalErrors.caseNotInReview(c.state);
      const to = this.next(st, action);
      await this.clocks.stop(actor, st.clockId, action === 'RETURN' ? 'RETURNED' : 'OPINION_GIVEN', m);
      Object.assign(st, {
        state: to,
        endedAt: this.clock.now(),
        endedBy: p.id,
        endedByName: p.name,
        opinion: dto.opinion.trim(),
        conditions: action === 'APPROVE' ? dto.conditions?.trim() || null : null,
        legalBasis: action === 'REJECT' ? dto.legalBasis!.trim() : null,
      });
      await m.save(st);
      await this.record(m, actor, c, st, action, {
        opinion: st.opinion,
        conditions: st.conditions,
        legalBasis: st.legalBasis,
      });
      await this.ledger.acted(m, c, actor);
      return c.id;
    });
  }

  /** The lead answers a return: the returned sub-task stays on record, and a new one with a new clock opens. */
  async answer(actor: RequestActor, id: string, dto: AnswerSubtaskRequest): Promise<string> {
    return this.onCase(id, async (m, c, st) => {
      CaseAccess.staff(actor.principal, c, Role.CLERK, Role.APPROVER);
      if (!WORKING_STATES.has(c.state)) throw ApprovalErrors.caseNotInReview(c.state);
      this.next(st, 'ANSWER');
      if (st.answeredAt) throw ApprovalErrors.subtaskState(st.state);
      const now = this.clock.now();
      Object.assign(st, { answer: dto.answer.trim(), answeredAt: now, answeredBy: actor.principal!.id });
      await m.save(st);
      const [{ seq }] = await m.query<{ seq: number }[]>(
        'SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM case_subtask WHERE case_id = $1',
        [c.id],
      );
      const nextId = randomUUID();
      const limit = { value: st.limitValue, unit: st.limitUnit };
      const clock = await this.clocks.start(
        actor,
        { subjectKind: 'SUBTASK', subjectId: nextId, departmentId: st.departmentId, limit },
        m,
        st.clockId,
      );
      // A special procedure in progress holds the new clock too.
      if (c.state === 'SUSPENDED') {
        const [caseClock] = (await this.clockReader.dtosOf(m, [c.caseClockId])).values();
        const pause = caseClock?.pauses.at(-1);
        if (pause)
          await this.clocks.pause(
            actor,
            clock.id,
            { reason: pause.reason, legalBasis: pause.legalBasis, notice: pause.notice },
            m,
            { checked: true },
          );
      }
      const successor = this.row(c, nextId, seq, st.departmentId, st.silenceIsConsent, limit, clock.id, st.id);
      await m.insert(CaseSubtaskEntity, successor);
      Outbox.add(m, this.event(c, successor, 'subtask.open', { previousId: st.id }));
      await this.record(m, actor, c, st, 'ANSWER', { answer: st.answer, next: nextId });
      return c.id;
    });
  }

  /**
   * The sweep's transition (as of its business time `asOf`, after it carded the crossings): every open sub-task
   * whose clock ran out where silence is consent ends DEEMED_APPROVED, stamped at its due time, by the system actor
   * 系统（超时默认同意）. One statement, set-based (a backlog after downtime can be a hundred thousand): the sub-tasks
   * and their clocks are locked `SKIP LOCKED`, so a person concluding one at that moment (who locks its row first)
   * keeps it, and two instances sweeping at once deem each exactly once; a sub-task is deemed only with its clock.
   */
  async deemOverdue(asOf: Date): Promise<number> {
    const actor = systemActor('超时默认同意');
    return this.dataSource.transaction(async (m) => {
      const [{ deemed }] = await m.query<{ deemed: number }[]>(
        `WITH due AS (
           SELECT t.id, t.clock_id FROM case_subtask t JOIN ${CalendarSql.clock('ck')} ON ck.id = t.clock_id
           WHERE t.state = 'OPEN' AND t.silence_is_consent AND ck.state = 'RUNNING' AND ck.due_at <= $1
           FOR UPDATE OF t, ck SKIP LOCKED
         ),
         ${CalendarSql.stopAtDue('stopped', 'due', '$1', '$2', 'DEEMED_APPROVED')},
         deemed AS (
           UPDATE case_subtask t SET state = $3, ended_at = s.due_at, ended_by = NULL, opinion = $4
           FROM due JOIN stopped s ON s.id = due.clock_id
           WHERE t.id = due.id
           RETURNING t.id, t.case_id, t.department_id, t.clock_id, t.ended_at
         ),
         ${AuditService.rowsSql(
           'audited',
           'deemed',
           '$5',
           'deemed.id',
           `jsonb_build_object('caseId', deemed.case_id, 'departmentId', deemed.department_id, 'state', $3::text,
              'clockId', deemed.clock_id, 'dueAt', deemed.ended_at)`,
         )},
         ${PlatformSql.outboxRows(
           'announced',
           `SELECT 'subtask.deem', deemed.case_id, sc.department_id,
              jsonb_build_object('caseId', deemed.case_id, 'caseNo', sc.case_no, 'subtaskId', deemed.id,
                'departmentId', deemed.department_id, 'state', $3::text, 'dueAt', deemed.ended_at),
              $2::timestamptz
            FROM deemed JOIN ${AcceptanceSql.case('sc')} ON sc.id = deemed.case_id`,
         )}
         SELECT count(*)::int AS deemed FROM audited`,
        [
          asOf,
          this.clock.now(),
          subtaskNext('OPEN', 'DEEM'),
          DEEMED_OPINION,
          this.audit.rowsActor(actor, 'subtask.deem', 'case_subtask'),
        ],
      );
      if (deemed) this.audit.sealAfterCommit(m);
      return deemed;
    });
  }

  /** In the withdrawal's transaction: open sub-tasks are cancelled and their clocks stopped. */
  async cancelOpen(m: EntityManager, c: CaseEntity, actor: RequestActor): Promise<void> {
    for (const st of await m.findBy(CaseSubtaskEntity, { caseId: c.id, state: 'OPEN' })) {
      await this.clocks.stop(actor, st.clockId, 'WITHDRAWN', m);
      Object.assign(st, { state: this.next(st, 'CANCEL'), endedAt: this.clock.now(), endedBy: null });
      await m.save(st);
      Outbox.add(m, this.event(c, st, 'subtask.cancel', {}));
    }
  }

  /** A special procedure on the case pauses every open sub-task clock with the case's. */
  async pauseOpen(m: EntityManager, c: CaseEntity, actor: RequestActor, pause: PauseClockRequest): Promise<void> {
    for (const clockId of await this.openClocks(m, c, 'RUNNING'))
      await this.clocks.pause(actor, clockId, pause, m, { checked: true });
  }

  /** …and resumes them together when it ends. */
  async resumeOpen(m: EntityManager, c: CaseEntity, actor: RequestActor): Promise<void> {
    for (const clockId of await this.openClocks(m, c, 'PAUSED'))
      await this.clocks.resume(actor, clockId, m, { checked: true });
  }

  /** Whether any co-department's part is still to come (open, or returned and not answered). */
  async pending(m: EntityManager, caseId: string): Promise<CaseSubtaskEntity[]> {
    const all = await m.find(CaseSubtaskEntity, { where: { caseId }, order: { seq: 'ASC' } });
    return all.filter((s) => subtaskPending({ state: s.state, answeredAt: s.answeredAt?.toISOString() ?? null }));
  }

  /** The co-departments' 不同意 (final: only a return has a successor). */
  async rejections(m: EntityManager, caseId: string): Promise<CaseSubtaskEntity[]> {
    return m.findBy(CaseSubtaskEntity, { caseId, state: 'REJECTED' });
  }

  /** The 协办 queue: the sub-tasks of the principal's department (center-wide roles: all), most urgent first. */
  async queue(p: Principal, state: SubtaskState | undefined, paging: Paging): Promise<Page<SubtaskSummaryDto>> {
    const params: unknown[] = [this.clock.now()];
    const where = this.scope(p, params);
    if (state) where.push(`t.state = $${params.push(state)}`);
    const from = `FROM case_subtask t JOIN ${AcceptanceSql.case('sc')} ON sc.id = t.case_id
      JOIN ${CalendarSql.clock('ck')} ON ck.id = t.clock_id
      JOIN ${OrganizationSql.department('d')} ON d.id = sc.department_id
      WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total ${from} AND $1::timestamptz IS NOT NULL`,
      params,
    );
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT t.id, t.case_id, sc.case_no, sc.matter_name, d.name AS lead_name, sc.applicant_name, t.state, t.opened_at,
              ${CalendarSql.openDueAt('ck')} AS due_at, ${STANDING} AS standing,
              t.silence_is_consent, (sc.key_project_id IS NOT NULL) AS green_channel
       ${from} ORDER BY (t.state = 'OPEN') DESC, ${AcceptanceSql.keyProjectFirst('sc')}, (ck.state = 'RUNNING') DESC, ck.due_at ASC, t.opened_at DESC
       ${paging.sql(params)}`,
      params,
    );
    return paging.of(
      rows.map((r) => ({
        id: r.id as string,
        caseId: r.case_id as string,
        caseNo: r.case_no as string | null,
        matterName: r.matter_name as string,
        leadDepartmentName: r.lead_name as string,
        applicantName: maskName(r.applicant_name as string),
        state: r.state as SubtaskState,
        openedAt: new Date(r.opened_at as string).toISOString(),
        dueAt: r.due_at ? new Date(r.due_at as string).toISOString() : null,
        standing: r.standing as SubtaskSummaryDto['standing'],
        silenceIsConsent: r.silence_is_consent as boolean,
        greenChannel: r.green_channel as boolean,
      })),
      total,
    );
  }

  /** The badge of the 协办 queue: open sub-tasks, how many in warning, how many overdue. */
  async counts(p: Principal): Promise<SubtaskCountsDto> {
    const params: unknown[] = [this.clock.now()];
    const where = this.scope(p, params);
    const [r] = await this.dataSource.query<SubtaskCountsDto[]>(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE s = 'WARNING')::int AS warning,
              count(*) FILTER (WHERE s = 'OVERDUE')::int AS overdue
       FROM (SELECT ${STANDING} AS s FROM case_subtask t JOIN ${CalendarSql.clock('ck')} ON ck.id = t.clock_id
             WHERE t.state = 'OPEN' AND ${where.join(' AND ')}) x`,
      params,
    );
    return r;
  }

  /** For supervision: the sub-tasks the timeout approved, latest first. */
  async deemed(paging: Paging): Promise<Page<DeemedSubtaskDto>> {
    const from = `FROM case_subtask t JOIN ${AcceptanceSql.case('sc')} ON sc.id = t.case_id
      JOIN ${OrganizationSql.department('d')} ON d.id = t.department_id
      JOIN ${OrganizationSql.department('l')} ON l.id = sc.department_id
      WHERE t.state = 'DEEMED_APPROVED'`;
    const params: unknown[] = [];
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`);
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT t.id, t.case_id, sc.case_no, sc.matter_name, d.name AS department_name, l.name AS lead_name, t.ended_at
       ${from} ORDER BY t.ended_at DESC, t.id ${paging.sql(params)}`,
      params,
    );
    return paging.of(
      rows.map((r) => ({
        id: r.id as string,
        caseId: r.case_id as string,
        caseNo: r.case_no as string | null,
        matterName: r.matter_name as string,
        departmentName: r.department_name as string,
        leadDepartmentName: r.lead_name as string,
        deemedAt: new Date(r.ended_at as string).toISOString(),
      })),
      total,
    );
  }

  /** For supervision: decisions that approved over a co-department's 不同意, latest first. */
  async overrides(paging: Paging): Promise<Page<SubtaskOverrideDto>> {
    const from = `FROM case_task k JOIN ${AcceptanceSql.case('sc')} ON sc.id = k.case_id
      JOIN ${OrganizationSql.department('l')} ON l.id = sc.department_id
      WHERE k.kind = 'DECIDE' AND k.override_reason IS NOT NULL`;
    const params: unknown[] = [];
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`);
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT k.case_id, sc.case_no, sc.matter_name, l.name AS lead_name, k.completed_by_name AS decided_by, k.completed_at, k.override_reason,
              (SELECT coalesce(json_agg(json_build_object('departmentName', d.name, 'opinion', t.opinion, 'legalBasis', t.legal_basis)
                        ORDER BY t.seq), '[]')
                 FROM case_subtask t JOIN ${OrganizationSql.department('d')} ON d.id = t.department_id
                WHERE t.case_id = k.case_id AND t.state = 'REJECTED') AS overridden
       ${from} ORDER BY k.completed_at DESC, k.case_id ${paging.sql(params)}`,
      params,
    );
    return paging.of(
      rows.map((r) => ({
        caseId: r.case_id as string,
        caseNo: r.case_no as string | null,
        matterName: r.matter_name as string,
        leadDepartmentName: r.lead_name as string,
        decidedByName: r.decided_by as string | null,
        decidedAt: new Date(r.completed_at as string).toISOString(),
        overrideReason: r.override_reason as string,
        overridden: r.overridden as SubtaskOverrideDto['overridden'],
      })),
      total,
    );
  }

  private scope(p: Principal, params: unknown[]): string[] {
    const dept = DepartmentScope.filter(p, undefined);
    return dept ? [`t.department_id = $${params.push(dept)}`] : ['true'];
  }

  /** One change to a sub-task: its case locked first, then the sub-task read again under that lock. */
  private async onCase<T>(
    id: string,
    work: (m: EntityManager, c: CaseEntity, st: CaseSubtaskEntity) => Promise<T>,
  ): Promise<T> {
    const found = await this.dataSource.manager.findOne(CaseSubtaskEntity, {
      where: { id },
      select: { id: true, caseId: true },
    });
    if (!found) throw ApprovalErrors.subtaskNotFound();
    return this.ledger.change(found.caseId, async (m, c) => {
      // Locked, after its case: the sweep's deeming skips a sub-task someone is concluding, and waits for nobody.
      const st = await m.findOneOrFail(CaseSubtaskEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      return work(m, c, st);
    });
  }

  private next(st: CaseSubtaskEntity, action: SubtaskAction): SubtaskState {
    const to = subtaskNext(st.state, action);
    if (!to) throw ApprovalErrors.subtaskState(st.state);
    return to;
  }

  private async openClocks(m: EntityManager, c: CaseEntity, state: 'RUNNING' | 'PAUSED'): Promise<string[]> {
    const open = await m.findBy(CaseSubtaskEntity, { caseId: c.id, state: 'OPEN' });
    const clocks = await this.clockReader.dtosOf(
      m,
      open.map((s) => s.clockId),
    );
    return [...clocks.values()].filter((k) => k.state === state).map((k) => k.id);
  }

  private row(
    c: CaseEntity,
    id: string,
    seq: number,
    departmentId: string,
    silenceIsConsent: boolean,
    limit: { value: number; unit: CaseSubtaskEntity['limitUnit'] },
    clockId: string,
    previousId: string | null,
  ): CaseSubtaskEntity {
    return Object.assign(new CaseSubtaskEntity(), {
      id,
      caseId: c.id,
      seq,
      departmentId,
      state: 'OPEN' as const,
      silenceIsConsent,
      limitValue: limit.value,
      limitUnit: limit.unit,
      clockId,
      previousId,
      openedAt: previousId ? this.clock.now() : c.acceptedAt!,
      endedAt: null,
      endedBy: null,
      endedByName: null,
      opinion: null,
      conditions: null,
      legalBasis: null,
      answer: null,
      answeredAt: null,
      answeredBy: null,
    });
  }

  /** What departments' systems hear of a sub-task's change (`subtask.open`, `subtask.approve` …). */
  private event(c: CaseEntity, st: CaseSubtaskEntity, type: string, extra: Record<string, unknown>) {
    return {
      type,
      caseId: c.id,
      departmentId: c.departmentId,
      occurredAt: this.clock.now(),
      data: {
        caseId: c.id,
        caseNo: c.caseNo,
        subtaskId: st.id,
        departmentId: st.departmentId,
        state: st.state,
        ...extra,
      },
    };
  }

  private record(
    m: EntityManager,
    actor: RequestActor,
    c: CaseEntity,
    st: CaseSubtaskEntity,
    action: SubtaskAction,
    summary: Record<string, unknown>,
  ) {
    Outbox.add(m, this.event(c, st, `subtask.${action.toLowerCase()}`, summary));
    return this.audit.record(m, actor, {
      action: `subtask.${action.toLowerCase()}`,
      targetType: 'case_subtask',
      targetId: st.id,
      summary: { caseId: st.caseId, departmentId: st.departmentId, state: st.state, ...summary },
    });
  }
}
