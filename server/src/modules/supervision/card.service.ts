import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type BoardDto,
  type CardAction,
  CARD_REASON_LABELS,
  type CardCaseViewDto,
  type CardDecision,
  type CardDto,
  type CardEventDto,
  type CardLevel,
  type CardQuery,
  type CardReason,
  type CardState,
  cardStateAfter,
  CARD_ACTION_LABELS,
  type ClockSubjectKind,
  type Page,
  type Principal,
  PrincipalKind,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { AfterCommit } from '../../platform/database/after-commit.js';
import { isoOrNull } from '../../platform/database/sql-values.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { ShanghaiSql } from '../../platform/database/shanghai-sql.js';
import { AcceptanceSql, CaseQueryService } from '../acceptance/acceptance.module.js';
import { CalendarSql, ClockReader } from '../calendar/calendar.module.js';
import { OrganizationSql } from '../organization/organization.module.js';
import { CardEntity, CardEventEntity } from './supervision.entities.js';
import { SupervisionErrors } from './supervision.exception.js';
import { SupervisionEvents } from './supervision-events.js';
import { SweepRunService } from './sweep-run.service.js';
import { Paging } from '../../platform/http/paging.js';
import { Outbox } from '../../platform/outbox/outbox.js';

/**
 * A card as supervisors and staff read it: with its case, department, window and the person named.
 * Set-based reads across the case and organization tables, as the board lists thousands.
 */
const CARD_SELECT = `
  SELECT k.*, sc.case_no, sc.receipt_no, sc.matter_name, d.name AS department_name, w.name AS window_name, st.name AS staff_name,
    (SELECT coalesce(json_agg(json_build_object('action', e.action, 'reason', e.reason, 'actorName', e.actor_name, 'at', e.at) ORDER BY e.at), '[]')
       FROM supervision_card_event e WHERE e.card_id = k.id) AS events
  FROM supervision_card k
  LEFT JOIN ${AcceptanceSql.case('sc')} ON sc.id = k.case_id
  LEFT JOIN ${OrganizationSql.department('d')} ON d.id = k.department_id
  LEFT JOIN ${OrganizationSql.window('w')} ON w.id = k.window_id
  LEFT JOIN ${OrganizationSql.staff('st')} ON st.id = k.staff_id`;

/** What departments' systems hear of a card: its holder's department only (see the integration's event scope). */
function cardEvent(card: CardEntity, type: string, at: Date, extra: Record<string, unknown>) {
  const { id: cardId, caseId, level, reason, state, crossedAt } = card;
  return {
    type,
    caseId,
    departmentId: card.departmentId,
    occurredAt: at,
    data: { cardId, caseId, level, reason, state, crossedAt, ...extra },
  };
}

/** Cards: the list and board for supervisors (all) and staff (their department), appeals and decisions. */
@Injectable()
export class CardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    private readonly events: SupervisionEvents,
    private readonly runs: SweepRunService,
    private readonly cases: CaseQueryService,
    private readonly clocks: ClockReader,
  ) {}

  /**
   * A RED violation card at the moment of the act (体外循环, 违规收费 …), in the act's own transaction; the live boards
   * hear of it once that commits. A case gets one card of a reason (uq_supervision_card_violation): a repeat is on
   * record already, so it writes nothing and returns null, without disturbing the act's transaction. A card of no case
   * (a person's, for a complaint; a department's, for unresolved reconciliation) is always written.
   */
  async violation(
    m: EntityManager,
    v: {
      reason: CardReason;
      caseId: string | null;
      departmentId: string;
      crossedAt: Date;
      /** The person responsible (a substantiated complaint), and their window. */
      staffId?: string | null;
      windowId?: string | null;
    },
  ): Promise<string | null> {
    const card = m.create(CardEntity, {
      id: randomUUID(),
      level: 'RED',
      reason: v.reason,
      state: 'ISSUED',
      caseId: v.caseId,
      clockId: null,
      clockKind: null,
      departmentId: v.departmentId,
      windowId: v.windowId ?? null,
      staffId: v.staffId ?? null,
      crossedAt: v.crossedAt,
      issuedAt: this.clock.now(),
      policyVersion: null,
      runId: null,
    });
    const written = await m
      .createQueryBuilder()
      .insert()
      .into(CardEntity)
      .values(card)
      .orIgnore()
      .returning(['id'])
      .execute();
    if (!(written.raw as unknown[]).length) return null;
    Outbox.add(m, cardEvent(card, 'card.issued', card.issuedAt, {}));
    // The boards resync when their channel returns; a publish the database missed must not end the process.
    AfterCommit.add(
      m.queryRunner,
      () => void this.events.publish({ type: 'card', id: card.id }).catch(() => undefined),
    );
    return card.id;
  }

  async list(p: Principal, q: CardQuery): Promise<Page<CardDto>> {
    const paging = Paging.of(q);
    const params: unknown[] = [];
    const where: string[] = [];
    const dept = DepartmentScope.filter(p, q.departmentId);
    if (dept) where.push(`k.department_id = $${params.push(dept)}`);
    if (q.level) where.push(`k.level = $${params.push(q.level)}`);
    if (q.reason) where.push(`k.reason = $${params.push(q.reason)}`);
    if (q.clockKind) where.push(`k.clock_kind = $${params.push(q.clockKind)}`);
    if (q.state) where.push(`k.state = $${params.push(q.state)}`);
    // Days are Shanghai days: [from 00:00, to + 1 00:00) at UTC+8.
    if (q.from) where.push(`k.crossed_at >= ${ShanghaiSql.startOf(`$${params.push(q.from)}::date`)}`);
    if (q.to) where.push(`k.crossed_at < ${ShanghaiSql.endOf(`$${params.push(q.to)}::date`)}`);
    if (q.mine) where.push(`k.staff_id = $${params.push(p.id)}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM supervision_card k ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<CardRow[]>(
      `${CARD_SELECT} ${filter} ORDER BY k.issued_at DESC, k.crossed_at DESC, k.id ${paging.sql(params)}`,
      params,
    );
    return paging.of(rows.map(toCardDto), total);
  }

  async byIds(ids: string[]): Promise<CardDto[]> {
    if (!ids.length) return [];
    const rows = await this.dataSource.query<CardRow[]>(
      `${CARD_SELECT} WHERE k.id = ANY($1::uuid[]) ORDER BY k.crossed_at DESC`,
      [ids],
    );
    return rows.map(toCardDto);
  }

  /** The newest cards of a sweep run, for the live channel. */
  async ofRun(runId: string, limit = 50): Promise<CardDto[]> {
    const rows = await this.dataSource.query<CardRow[]>(
      `${CARD_SELECT} WHERE k.run_id = $1 ORDER BY k.crossed_at DESC LIMIT ${limit}`,
      [runId],
    );
    return rows.map(toCardDto);
  }

  /** The card with the case's record and the clock's explanation: what a supervisor weighs an appeal on. */
  async get(p: Principal, id: string): Promise<CardCaseViewDto> {
    const card = await this.read(this.dataSource.manager, id);
    if (card.departmentId) DepartmentScope.assert(p, card.departmentId);
    const steps = card.caseId ? (await this.cases.get(p, card.caseId)).steps : [];
    const clockExplanation = card.clockId ? (await this.clocks.explain(p, card.clockId)).steps : [];
    return { card, steps, clockExplanation };
  }

  /** The holder's department appeals (申诉) once, with a reason. */
  appeal(actor: RequestActor, id: string, reason: string): Promise<CardDto> {
    return this.change(actor, id, 'APPEAL', reason, (p, card) => {
      if (p.kind !== PrincipalKind.STAFF || !card.departmentId || p.departmentId !== card.departmentId)
        throw SupervisionErrors.notYourCard();
    });
  }

  /** A supervisor revokes (撤销), upholds (打回) or escalates (上报) an appealed card, with a reason. */
  decide(actor: RequestActor, id: string, decision: CardDecision, reason: string): Promise<CardDto> {
    return this.change(actor, id, decision, reason, () => undefined);
  }

  private async change(
    actor: RequestActor,
    id: string,
    action: CardAction,
    reason: string,
    check: (p: Principal, card: CardEntity) => void,
  ): Promise<CardDto> {
    const p = actor.principal!;
    await this.dataSource.transaction(async (m) => {
      const card = await m.findOne(CardEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!card) throw SupervisionErrors.cardNotFound();
      check(p, card);
      const next = cardStateAfter(card.state as CardState, action);
      if (!next) throw SupervisionErrors.cardState(card.state as CardState, CARD_ACTION_LABELS[action]);
      const now = this.clock.now();
      await m.insert(CardEventEntity, {
        cardId: id,
        action,
        reason: reason.trim(),
        actorId: p.id,
        actorName: p.name,
        at: now,
      });
      await m.update(CardEntity, id, { state: next });
      Outbox.add(m, cardEvent(card, `card.${action.toLowerCase()}`, now, { state: next, reason: reason.trim() }));
      await this.audit.record(m, actor, {
        action: `supervision.card_${action.toLowerCase()}`,
        targetType: 'supervision_card',
        targetId: id,
        summary: { from: card.state, to: next, reason: reason.trim() },
      });
    });
    await this.events.publish({ type: 'card', id });
    return this.read(this.dataSource.manager, id);
  }

  private async read(m: EntityManager, id: string): Promise<CardDto> {
    const [row] = await m.query<CardRow[]>(`${CARD_SELECT} WHERE k.id = $1`, [id]);
    if (!row) throw SupervisionErrors.cardNotFound();
    return toCardDto(row);
  }

  /** The live board: open cards by level and department, urges, the newest cards and the last sweep. */
  async board(p: Principal): Promise<BoardDto> {
    const dept = DepartmentScope.filter(p, undefined);
    const params = dept ? [dept] : [];
    const scope = dept ? 'AND k.department_id = $1' : '';
    const byDepartment = await this.dataSource.query(
      `SELECT d.id AS "departmentId", d.name AS "departmentName",
              count(k.id) FILTER (WHERE k.level = 'YELLOW')::int AS yellow, count(k.id) FILTER (WHERE k.level = 'RED')::int AS red,
              count(k.id) FILTER (WHERE k.state IN ('ISSUED', 'APPEALED', 'ESCALATED', 'UPHELD'))::int AS open
       FROM supervision_card k JOIN ${OrganizationSql.department('d')} ON d.id = k.department_id
       WHERE k.state <> 'REVOKED' ${scope}
       GROUP BY d.id, d.name ORDER BY red DESC, yellow DESC, d.name`,
      params,
    );
    const [totals] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM supervision_card k WHERE k.level = 'YELLOW' AND k.state <> 'REVOKED' ${scope})::int AS yellow,
              (SELECT count(*) FROM supervision_card k WHERE k.level = 'RED' AND k.state <> 'REVOKED' ${scope})::int AS red,
              (SELECT count(*) FROM supervision_card k WHERE k.state = 'APPEALED' ${scope})::int AS appealed,
              (SELECT count(*) FROM supervision_urge k WHERE k.state = 'OPEN' ${scope})::int AS "urgesOpen",
              (SELECT count(*) FROM supervision_urge k JOIN ${CalendarSql.clock('c')} ON c.id = k.clock_id WHERE k.state = 'OPEN' AND c.due_at < $${params.length + 1} ${scope})::int AS "urgesOverdue"`,
      [...params, this.clock.now()],
    );
    const latest = (await this.list(p, { pageSize: 20 })).items;
    return { totals, byDepartment, latest, lastRun: await this.runs.last() };
  }
}

/** A card as CARD_SELECT reads it. */
interface CardRow {
  id: string;
  level: CardLevel;
  reason: CardReason;
  state: CardState;
  case_id: string | null;
  case_no: string | null;
  receipt_no: string | null;
  matter_name: string | null;
  clock_id: string | null;
  clock_kind: ClockSubjectKind | null;
  department_id: string | null;
  department_name: string | null;
  window_id: string | null;
  window_name: string | null;
  staff_id: string | null;
  staff_name: string | null;
  crossed_at: Date | string;
  issued_at: Date | string;
  policy_version: number | null;
  run_id: string | null;
  events: CardEventDto[];
}

function toCardDto(r: CardRow): CardDto {
  return {
    id: r.id,
    level: r.level,
    reason: r.reason,
    reasonLabel: CARD_REASON_LABELS[r.reason] ?? r.reason,
    state: r.state,
    caseId: r.case_id,
    caseNo: r.case_no,
    receiptNo: r.receipt_no,
    matterName: r.matter_name,
    clockId: r.clock_id,
    clockKind: r.clock_kind,
    departmentId: r.department_id,
    departmentName: r.department_name,
    windowId: r.window_id,
    windowName: r.window_name,
    staffId: r.staff_id,
    staffName: r.staff_name,
    crossedAt: isoOrNull(r.crossed_at)!,
    issuedAt: isoOrNull(r.issued_at)!,
    policyVersion: r.policy_version,
    runId: r.run_id,
    events: r.events.map((e) => ({ ...e, at: isoOrNull(e.at)! })),
  };
}
