import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  type CaseAction,
  currentIndicatorSet,
  type IssuedRatingTerminalDto,
  type Principal,
  PrincipalKind,
  Role,
  type RatingTerminalDto,
  SERVICE_EVENT_KIND_LABELS,
  type ServiceEventKind,
  type ServiceEventPromptDto,
  type TerminalStatusDto,
} from '@onewindow/shared';
import { catchError, concatMap, EMPTY, filter, from, type Observable } from 'rxjs';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { AfterCommit } from '../../platform/database/after-commit.js';
import { DeferredWrites } from '../../platform/database/deferred-writes.js';
import { isoOrNull } from '../../platform/database/sql-values.js';
import type { CaseEntity } from '../acceptance/acceptance.module.js';
import { OrganizationSql, ServiceWindowService } from '../organization/organization.module.js';
import { SupervisionEvents } from '../supervision/supervision.module.js';
import { RatingTerminalEntity, ServiceEventEntity } from './evaluation.entities.js';
import { EvaluationErrors } from './evaluation.exception.js';

/** The case steps that end a service at the counter, and what the terminal calls them. */
const COUNTER_SERVICES: Partial<Record<CaseAction, ServiceEventKind>> = {
  SUBMIT: 'RECEIPT',
  SUPPLY: 'RECEIPT',
  SUPPLY_DEFERRED: 'RECEIPT',
  ACCEPT: 'ACCEPTANCE',
  REJECT: 'ACCEPTANCE',
  REQUEST_SUPPLEMENT: 'ACCEPTANCE',
  DELIVER: 'DELIVERY',
};

/** An event waits this long for its rating; after that the terminal no longer offers it. */
export const EVENT_OPEN_MS = 30 * 60_000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

const PROMPT_SQL = `
  SELECT e.id, e.kind, e.staff_name AS "staffName", e.matter_name AS "matterName", e.ended_at AS "endedAt",
         w.number AS "windowNumber", w.name AS "windowName"
  FROM service_event e JOIN ${OrganizationSql.window('w')} ON w.id = e.window_id`;

/**
 * 一次一评 at the counter: the windows' rating terminals (评价器) and the service events they ask about. A clerk's
 * desk binds a tablet to the clerk's window with a token shown once; when the clerk ends a service (a case step at
 * the counter, or a consultation) the event is written in the step's transaction and, once committed, pushed to
 * that window's terminals on every instance.
 */
/** The advisory-lock namespace of a window's service events (the key's second half is the window). */
const WINDOW_EVENT_LOCK = 7_346_101;

@Injectable()
export class ServiceEventService {
  private readonly log = new Logger(ServiceEventService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    private readonly events: SupervisionEvents,
    private readonly windows: ServiceWindowService,
  ) {}

  /** Case extension hook: a counter step by a clerk at a window is a service event. */
  async stepped(m: EntityManager, c: CaseEntity, action: CaseAction, actor: RequestActor): Promise<void> {
    const kind = COUNTER_SERVICES[action];
    const p = actor.principal;
    if (!kind || p?.kind !== PrincipalKind.STAFF || !p.windowId) return;
    if (action === 'SUBMIT' && c.channel !== 'WINDOW') return;
    await this.lockWindow(m, p.windowId);
    this.record(m, { kind, principal: p, windowId: p.windowId, departmentId: c.departmentId, c });
  }

  /**
   * One service event at a time per window: the newest replaces what the window had waiting unrated, so two
   * transactions recording at one window would each update the other's rows (a deadlock under load). They queue on
   * the window instead, for the rest of the transaction; nothing else they hold is wanted by the one ahead.
   */
  private async lockWindow(m: EntityManager, windowId: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [WINDOW_EVENT_LOCK, windowId]);
  }

  /** A consultation (咨询) the clerk ends at the desk. */
  async consultation(actor: RequestActor, matterName: string | null): Promise<ServiceEventPromptDto> {
    const p = actor.principal!;
    if (!p.windowId || !p.departmentId) throw EvaluationErrors.noWindow();
    const id = await this.dataSource.transaction(async (m) => {
      await this.lockWindow(m, p.windowId!);
      const id = this.record(m, {
        kind: 'CONSULTATION',
        principal: p,
        windowId: p.windowId!,
        departmentId: p.departmentId!,
        matterName,
      });
      await this.audit.record(m, actor, {
        action: 'evaluation.consultation',
        targetType: 'service_event',
        targetId: id,
        summary: { matterName },
      });
      return id;
    });
    return (await this.prompt(id))!;
  }

  private record(
    m: EntityManager,
    e: {
      kind: ServiceEventKind;
      principal: Principal;
      windowId: string;
      departmentId: string;
      c?: CaseEntity;
      matterName?: string | null;
    },
  ): string {
    const id = randomUUID();
    // Keyed by window: of the steps one transaction takes at a window (a 即办件 received, decided and delivered in
    // one sitting) the last is the service rated.
    DeferredWrites.add(
      m,
      {
        sql: `INSERT INTO service_event (id, kind, window_id, staff_id, staff_name, department_id, case_id, matter_name, ended_at)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        params: [
          id,
          e.kind,
          e.windowId,
          e.principal.id,
          e.principal.name,
          e.departmentId,
          e.c?.id ?? null,
          e.c?.matterName ?? e.matterName ?? null,
          this.clock.now(),
        ],
      },
      `service_event:${e.windowId}`,
    );
    // One sitting, one rating: what this window had waiting unrated is replaced by the newest service.
    DeferredWrites.add(
      m,
      {
        sql: `UPDATE service_event SET superseded = true
              WHERE window_id = $1 AND NOT superseded
                AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.service_event_id = service_event.id)`,
        params: [e.windowId],
      },
      `service_event_supersede:${e.windowId}`,
    );
    const windowId = e.windowId;
    AfterCommit.add(
      m.queryRunner,
      () =>
        void this.events
          .publish({ type: 'serviceEvent', id, windowId })
          .catch((err: Error) => this.log.warn(`service event not announced: ${err.message}`)),
    );
    return id;
  }

  async prompt(id: string, m: EntityManager = this.dataSource.manager): Promise<ServiceEventPromptDto | null> {
    const [r] = await m.query(`${PROMPT_SQL} WHERE e.id = $1`, [id]);
    return r ? toPrompt(r) : null;
  }

  /** The event at this window waiting for its rating now: the newest, unrated, not superseded, still open. */
  async pending(windowId: string): Promise<ServiceEventPromptDto | null> {
    const [r] = await this.dataSource.query(
      `${PROMPT_SQL}
       WHERE e.window_id = $1 AND NOT e.superseded AND e.ended_at > $2
         AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.service_event_id = e.id)
       ORDER BY e.ended_at DESC LIMIT 1`,
      [windowId, new Date(this.clock.now().getTime() - EVENT_OPEN_MS)],
    );
    return r ? toPrompt(r) : null;
  }

  /** The window's events as they end, for one terminal's stream (each instance hears every instance's). */
  stream(windowId: string): Observable<ServiceEventPromptDto> {
    return this.events.signals.pipe(
      filter((s) => s.type === 'serviceEvent' && s.windowId === windowId),
      concatMap((s) =>
        from(this.prompt((s as { id: string }).id)).pipe(
          concatMap((p) => (p ? [p] : [])),
          catchError(() => EMPTY),
        ),
      ),
    );
  }

  // --- terminals ---

  /** A clerk binds a tablet to their own window; a department lead or CENTER_ADMIN to any window they may manage. */
  async issueTerminal(actor: RequestActor, windowId?: string): Promise<IssuedRatingTerminalDto> {
    const p = actor.principal!;
    const target = windowId ?? p.windowId;
    if (!target) throw EvaluationErrors.noWindow();
    const token = `owt_${randomBytes(24).toString('base64url')}`;
    const id = await this.dataSource.transaction(async (m) => {
      const w = await this.windows.require(m, target);
      const mayManage =
        p.roles.includes(Role.CENTER_ADMIN) || (p.roles.includes(Role.DEPT_LEAD) && p.departmentId === w.departmentId);
      if (p.windowId !== target && !mayManage) throw AuthErrors.departmentScope();
      const t = await m.save(
        m.create(RatingTerminalEntity, {
          windowId: target,
          tokenHash: hash(token),
          issuedBy: p.id,
          issuedByName: p.name,
          issuedAt: this.clock.now(),
          revokedAt: null,
          lastSeenAt: null,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'evaluation.terminal_issued',
        targetType: 'rating_terminal',
        targetId: t.id,
        summary: { window: w.number },
      });
      return t.id;
    });
    const dto = (await this.terminals(p, target)).find((t) => t.id === id)!;
    return { ...dto, token, path: `/rate/window/${encodeURIComponent(dto.windowNumber)}#token=${token}` };
  }

  async terminals(p: Principal, windowId?: string): Promise<RatingTerminalDto[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (windowId) where.push(`t.window_id = $${params.push(windowId)}`);
    const dept = DepartmentScope.filter(p);
    if (dept) where.push(`w.department_id = $${params.push(dept)}`);
    const rows = await this.dataSource.query(
      `SELECT t.id, t.window_id AS "windowId", w.number AS "windowNumber", w.name AS "windowName", t.issued_at AS "issuedAt",
              t.issued_by_name AS "issuedByName", t.revoked_at AS "revokedAt", t.last_seen_at AS "lastSeenAt"
       FROM rating_terminal t JOIN ${OrganizationSql.window('w')} ON w.id = t.window_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY w.number, t.issued_at DESC LIMIT 200`,
      params,
    );
    return rows.map((r: Record<string, unknown>) => ({
      ...r,
      issuedAt: isoOrNull(r.issuedAt as Date),
      revokedAt: isoOrNull(r.revokedAt as Date | null),
      lastSeenAt: isoOrNull(r.lastSeenAt as Date | null),
    })) as RatingTerminalDto[];
  }

  async revokeTerminal(actor: RequestActor, id: string): Promise<RatingTerminalDto> {
    const p = actor.principal!;
    const windowId = await this.dataSource.transaction(async (m) => {
      const t = await m.findOne(RatingTerminalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!t) throw EvaluationErrors.terminalToken();
      const w = await this.windows.require(m, t.windowId);
      if (p.windowId !== t.windowId) DepartmentScope.assert(p, w.departmentId);
      if (!t.revokedAt) {
        await m.update(RatingTerminalEntity, id, { revokedAt: this.clock.now() });
        await this.audit.record(m, actor, {
          action: 'evaluation.terminal_revoked',
          targetType: 'rating_terminal',
          targetId: id,
          summary: { window: w.number },
        });
      }
      return t.windowId;
    });
    return (await this.terminals(p, windowId)).find((t) => t.id === id)!;
  }

  /** The terminal a token binds, or 401; its window must be the one the page was opened for. */
  async terminal(token: string | undefined, windowNumber?: string): Promise<{ id: string; windowId: string }> {
    if (!token || token.length > 100) throw EvaluationErrors.terminalToken();
    const t = await this.dataSource
      .getRepository(RatingTerminalEntity)
      .findOne({ where: { tokenHash: hash(token), revokedAt: IsNull() } });
    if (!t) throw EvaluationErrors.terminalToken();
    if (windowNumber !== undefined) {
      const w = await this.windows.require(this.dataSource.manager, t.windowId);
      if (w.number !== windowNumber) throw EvaluationErrors.terminalToken();
    }
    return { id: t.id, windowId: t.windowId };
  }

  async status(token: string | undefined): Promise<TerminalStatusDto> {
    const t = await this.terminal(token);
    await this.dataSource.getRepository(RatingTerminalEntity).update(t.id, { lastSeenAt: this.clock.now() });
    const [w] = await this.dataSource.query(
      `SELECT w.number, w.name, d.name AS dept FROM ${OrganizationSql.window('w')}
       JOIN ${OrganizationSql.department('d')} ON d.id = w.department_id WHERE w.id = $1`,
      [t.windowId],
    );
    return {
      windowNumber: w.number,
      windowName: w.name,
      departmentName: w.dept,
      pending: await this.pending(t.windowId),
    };
  }

  /** The event a terminal rates: of its window, not superseded, still open. Locked for the rating's transaction. */
  async forRating(m: EntityManager, windowId: string, eventId: string): Promise<ServiceEventEntity> {
    const e = await m.findOne(ServiceEventEntity, { where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
    if (e?.windowId !== windowId || e.superseded) throw EvaluationErrors.eventNotFound();
    if (e.endedAt.getTime() < this.clock.now().getTime() - EVENT_OPEN_MS) throw EvaluationErrors.eventNotFound();
    return e;
  }
}

function toPrompt(r: Record<string, unknown>): ServiceEventPromptDto {
  const kind = r.kind as ServiceEventKind;
  return {
    id: r.id as string,
    kind,
    kindLabel: SERVICE_EVENT_KIND_LABELS[kind],
    windowNumber: r.windowNumber as string,
    windowName: r.windowName as string,
    staffName: r.staffName as string,
    matterName: (r.matterName as string | null) ?? null,
    endedAt: (r.endedAt as Date).toISOString(),
    indicatorSet: currentIndicatorSet('ONSITE'),
  };
}
