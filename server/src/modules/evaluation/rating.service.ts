import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  APPEAL_STATE_LABELS,
  type AppealState,
  type CaseRatingStateDto,
  currentIndicatorSet,
  dateOfDay,
  dayNumber,
  type IndicatorSet,
  indicatorSet,
  isBadRating,
  LimitUnit,
  type Page,
  type Principal,
  PrincipalKind,
  RATING_LEVEL_LABELS,
  RATING_PROBLEMS,
  type RatingAppealDto,
  type RatingChannel,
  type RatingDto,
  type RatingExchangeDto,
  type RatingLevel,
  type RatingProblem,
  type RatingQuery,
  RECTIFICATION_STATE_LABELS,
  RECTIFICATION_TRANSITIONS,
  type RectificationAction,
  type RectificationDto,
  type RectificationState,
  startOfShanghaiDay,
  type SubmitRatingRequest,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { type RequestActor, systemActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { isoOrNull } from '../../platform/database/sql-values.js';
import { dayPeriod } from '../../platform/http/day-period.js';
import { Paging } from '../../platform/http/paging.js';
import { AcceptanceSql, type CaseEntity, CaseQueryService } from '../acceptance/acceptance.module.js';
import { CalendarSql, ClockService } from '../calendar/calendar.module.js';
import { OrganizationSql } from '../organization/organization.module.js';
import { RatingAppealEntity, RatingEntity, RectificationEntity } from './evaluation.entities.js';
import { EvaluationErrors } from './evaluation.exception.js';
import { RECTIFIED_LATE } from './evaluation-sql.js';
import { ServiceEventService } from './service-event.service.js';

/** A rating as staff read it: never the rater. */
const RATING_SQL = `
  SELECT r.id, r.channel, r.level, r.indicator_version, r.indicators, r.problems, r.comment, r.case_id, r.window_id,
         r.staff_id, r.department_id, r.rated_at, r.excluded, e.kind AS service_kind,
         coalesce(sc.case_no, sc.receipt_no) AS case_no, coalesce(sc.matter_name, e.matter_name) AS matter_name,
         w.name AS window_name, w.number AS window_number, st.name AS staff_name, d.name AS department_name,
         d.code AS department_code, sc.matter_code, rc.id AS rectification_id,
         (SELECT to_jsonb(a) FROM rating_appeal a WHERE a.rating_id = r.id) AS appeal
  FROM rating r
  LEFT JOIN service_event e ON e.id = r.service_event_id
  LEFT JOIN ${AcceptanceSql.case('sc')} ON sc.id = r.case_id
  LEFT JOIN ${OrganizationSql.window('w')} ON w.id = r.window_id
  LEFT JOIN ${OrganizationSql.staff('st')} ON st.id = r.staff_id
  JOIN ${OrganizationSql.department('d')} ON d.id = r.department_id
  LEFT JOIN rectification rc ON rc.rating_id = r.id`;

const RECTIFICATION_SQL = `
  SELECT x.*, to_jsonb(r) AS rating, d.name AS department_name, vc.due_at AS visit_due_at, rk.due_at AS rectify_due_at,
         CASE WHEN x.state = 'RECTIFIED' THEN NOT ${RECTIFIED_LATE} END AS on_time
  FROM rectification x
  JOIN (${RATING_SQL}) r ON r.id = x.rating_id
  JOIN ${OrganizationSql.department('d')} ON d.id = x.department_id
  JOIN ${CalendarSql.clock('vc')} ON vc.id = x.visit_clock_id
  LEFT JOIN ${CalendarSql.clock('rk')} ON rk.id = x.rectify_clock_id`;

/**
 * Ratings (一次一评 at the terminal, 一事一评 online), the rectification a bad one opens (回访 then 整改, each on a
 * RECTIFICATION clock the sweep cards like any other), the rated department's appeal and the SUPERVISOR's review,
 * and the national exchange export. Nothing here is ever deleted: an upheld appeal only marks the rating excluded.
 */
@Injectable()
export class RatingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    private readonly clocks: ClockService,
    private readonly cases: CaseQueryService,
    private readonly serviceEvents: ServiceEventService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 一次一评: the terminal rates the event its window is waiting on; one rating per event. */
  async rateOnsite(token: string | undefined, eventId: string, body: SubmitRatingRequest): Promise<{ id: string }> {
    const t = await this.serviceEvents.terminal(token);
    const set = currentIndicatorSet('ONSITE');
    const values = checkRating(body, set);
    const actor = systemActor('评价器');
    return this.dataSource.transaction(async (m) => {
      const e = await this.serviceEvents.forRating(m, t.windowId, eventId);
      if (await m.existsBy(RatingEntity, { serviceEventId: e.id })) throw EvaluationErrors.alreadyRated();
      const id = await this.insert(m, actor, {
        channel: 'ONSITE',
        serviceEventId: e.id,
        caseId: e.caseId,
        windowId: e.windowId,
        staffId: e.staffId,
        departmentId: e.departmentId,
        set,
        ...values,
        raterAccountId: null,
      });
      return { id };
    });
  }

  /** 一事一评 by the logged-in applicant of the case. */
  async rateOwnCase(actor: RequestActor, caseId: string, body: SubmitRatingRequest): Promise<CaseRatingStateDto> {
    const c = await this.ownCase(actor.principal!, caseId);
    await this.rateCase(actor, c, body, actor.principal!.id);
    return this.caseState(c);
  }

  /** 一事一评 by whoever holds the case number and query code (the progress page, the completion notice's QR). */
  async rateByCode(no: string, code: string, body: SubmitRatingRequest): Promise<CaseRatingStateDto> {
    const c = await this.cases.byProgressCode(no, code);
    await this.rateCase(systemActor('网上评价（凭编号和查询码）'), c, body, null);
    return this.caseState(c);
  }

  async ownCaseState(p: Principal, caseId: string): Promise<CaseRatingStateDto> {
    return this.caseState(await this.ownCase(p, caseId));
  }

  async caseStateByCode(no: string, code: string): Promise<CaseRatingStateDto> {
    return this.caseState(await this.cases.byProgressCode(no, code));
  }

  private async ownCase(p: Principal, caseId: string): Promise<CaseEntity> {
    const c = await this.cases.entity(caseId);
    if (p.kind !== PrincipalKind.APPLICANT || c.applicantAccountId !== p.id) throw AuthErrors.departmentScope();
    return c;
  }

  private async rateCase(actor: RequestActor, c: CaseEntity, body: SubmitRatingRequest, raterAccountId: string | null) {
    const set = currentIndicatorSet('ONLINE');
    const values = checkRating(body, set);
    if (c.state !== 'COMPLETED') throw EvaluationErrors.notOpen('办结后才能评价该办件');
    await this.dataSource.transaction(async (m) => {
      // One online rating per case: the unique index settles a race (409); this check answers the common case clearly.
      if (await m.existsBy(RatingEntity, { caseId: c.id, channel: 'ONLINE' }))
        throw EvaluationErrors.caseAlreadyRated();
      const [who] = await m.query(`SELECT st.id, st.window_id FROM ${OrganizationSql.staff('st')} WHERE st.id = $1`, [
        c.receivedBy,
      ]);
      await this.insert(m, actor, {
        channel: 'ONLINE',
        serviceEventId: null,
        caseId: c.id,
        windowId: who?.window_id ?? null,
        staffId: who?.id ?? null,
        departmentId: c.departmentId,
        set,
        ...values,
        raterAccountId,
      });
    });
  }

  private async insert(
    m: EntityManager,
    actor: RequestActor,
    r: {
      channel: RatingChannel;
      serviceEventId: string | null;
      caseId: string | null;
      windowId: string | null;
      staffId: string | null;
      departmentId: string;
      set: IndicatorSet;
      level: RatingLevel;
      indicators: Record<string, number>;
      problems: RatingProblem[];
      comment: string | null;
      raterAccountId: string | null;
    },
  ): Promise<string> {
    const now = this.clock.now();
    const saved = await m.save(
      m.create(RatingEntity, {
        channel: r.channel,
        serviceEventId: r.serviceEventId,
        caseId: r.caseId,
        windowId: r.windowId,
        staffId: r.staffId,
        departmentId: r.departmentId,
        level: r.level,
        indicatorVersion: r.set.version,
        indicators: r.indicators,
        problems: r.problems,
        comment: r.comment,
        raterAccountId: r.raterAccountId,
        ratedAt: now,
        excluded: false,
      }),
    );
    await this.audit.record(m, actor, {
      action: 'evaluation.rated',
      targetType: 'rating',
      targetId: saved.id,
      summary: { channel: r.channel, level: r.level, caseId: r.caseId, departmentId: r.departmentId },
    });
    if (isBadRating(r.level)) await this.openRectification(m, actor, saved);
    return saved.id;
  }

  /** A bad rating opens the department's return visit on its RECTIFICATION clock, in the rating's transaction. */
  private async openRectification(m: EntityManager, actor: RequestActor, r: RatingEntity) {
    const id = randomUUID();
    const clock = await this.clocks.start(
      actor,
      {
        subjectKind: 'RECTIFICATION',
        subjectId: id,
        departmentId: r.departmentId,
        limit: { value: this.config.evaluation.visitWorkingDays, unit: LimitUnit.WORKING_DAY },
      },
      m,
    );
    await m.insert(RectificationEntity, {
      id,
      ratingId: r.id,
      departmentId: r.departmentId,
      state: 'VISIT_PENDING',
      visitClockId: clock.id,
      openedAt: this.clock.now(),
    });
  }

  async caseState(c: CaseEntity): Promise<CaseRatingStateDto> {
    const [row] = await this.dataSource.query(
      `SELECT r.level, r.rated_at, x.state, x.visit_note, x.rectify_note, x.follow_up_level
       FROM rating r LEFT JOIN rectification x ON x.rating_id = r.id WHERE r.case_id = $1 AND r.channel = 'ONLINE'`,
      [c.id],
    );
    const completed = c.state === 'COMPLETED';
    return {
      caseId: c.id,
      canRate: completed && !row,
      reason: row ? '已评价' : completed ? null : '办结后可评价',
      rating: row
        ? {
            level: row.level,
            levelLabel: RATING_LEVEL_LABELS[row.level as RatingLevel],
            ratedAt: isoOrNull(row.rated_at)!,
          }
        : null,
      rectification:
        row?.state != null
          ? {
              state: row.state,
              stateLabel: RECTIFICATION_STATE_LABELS[row.state as RectificationState],
              visitNote: row.visit_note,
              rectifyNote: row.rectify_note,
              canRateFollowUp: row.state === 'RECTIFIED' && row.follow_up_level == null,
              followUpLevel: row.follow_up_level,
            }
          : null,
      indicatorSet: currentIndicatorSet('ONLINE'),
    };
  }

  /** The applicant rates how the department followed up their bad rating (once). */
  async followUpByCode(no: string, code: string, level: RatingLevel, comment?: string) {
    const c = await this.cases.byProgressCode(no, code);
    await this.dataSource.transaction(async (m) => {
      const x = await m
        .createQueryBuilder(RectificationEntity, 'x')
        .innerJoin(RatingEntity, 'r', 'r.id = x.rating_id')
        .where(`r.case_id = :id AND r.channel = 'ONLINE'`, { id: c.id })
        .setLock('pessimistic_write', undefined, ['x'])
        .getOne();
      if (!x) throw EvaluationErrors.rectificationNotFound();
      this.assertRectification(x.state, 'FOLLOW_UP');
      if (x.followUpLevel !== null) throw EvaluationErrors.alreadyRated();
      await m.update(RectificationEntity, x.id, { followUpLevel: level, followUpComment: comment?.trim() || null });
      await this.audit.record(m, systemActor('整改回评（凭编号和查询码）'), {
        action: 'evaluation.follow_up_rated',
        targetType: 'rectification',
        targetId: x.id,
        summary: { level },
      });
    });
    return this.caseState(c);
  }

  // --- staff: ratings, rectifications, appeals ---

  async list(p: Principal, q: RatingQuery): Promise<Page<RatingDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const dept = DepartmentScope.filter(p, q.departmentId);
    if (dept) where.push(`r.department_id = $${params.push(dept)}`);
    if (q.channel) where.push(`r.channel = $${params.push(q.channel)}`);
    if (q.bad !== undefined) where.push(q.bad ? 'r.level <= 2' : 'r.level > 2');
    if (q.from) where.push(`r.rated_at >= $${params.push(startOfShanghaiDay(dayNumber(q.from)))}`);
    if (q.to) where.push(`r.rated_at < $${params.push(startOfShanghaiDay(dayNumber(q.to) + 1))}`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const paging = Paging.of(q);
    const listParams = [...params];
    const page = paging.sql(listParams);
    const [[{ n }], rows] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS n FROM rating r ${filter}`, params),
      this.dataSource.query(`${RATING_SQL} ${filter} ORDER BY r.rated_at DESC ${page}`, listParams),
    ]);
    return paging.of(rows.map(toRatingDto), n);
  }

  async rectifications(
    p: Principal,
    q: { departmentId?: string; state?: RectificationState },
  ): Promise<RectificationDto[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const dept = DepartmentScope.filter(p, q.departmentId);
    if (dept) where.push(`x.department_id = $${params.push(dept)}`);
    if (q.state) where.push(`x.state = $${params.push(q.state)}`);
    const rows = await this.dataSource.query(
      `${RECTIFICATION_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY x.opened_at DESC LIMIT 200`,
      params,
    );
    return rows.map(toRectificationDto);
  }

  async rectification(p: Principal, id: string, m: EntityManager = this.dataSource.manager): Promise<RectificationDto> {
    const [row] = await m.query(`${RECTIFICATION_SQL} WHERE x.id = $1`, [id]);
    if (!row) throw EvaluationErrors.rectificationNotFound();
    DepartmentScope.assert(p, row.department_id);
    return toRectificationDto(row);
  }

  /** 回访 recorded: the visit clock stops, the rectification clock starts (5–15 working days). */
  visit(actor: RequestActor, id: string, note: string, days?: number): Promise<RectificationDto> {
    return this.changeRectification(actor, id, 'VISIT', async (m, x, now) => {
      await this.clocks.stop(actor, x.visitClockId, 'VISITED', m);
      const clock = await this.clocks.start(
        actor,
        {
          subjectKind: 'RECTIFICATION',
          subjectId: x.id,
          departmentId: x.departmentId,
          limit: { value: days ?? this.config.evaluation.rectifyWorkingDays, unit: LimitUnit.WORKING_DAY },
        },
        m,
      );
      return { visitNote: note.trim(), visitedAt: now, visitedByName: actor.principal!.name, rectifyClockId: clock.id };
    });
  }

  /** 整改 recorded: its clock stops (on time when neither clock ran over, read from the clocks). */
  rectify(actor: RequestActor, id: string, note: string): Promise<RectificationDto> {
    return this.changeRectification(actor, id, 'RECTIFY', async (m, x, now) => {
      await this.clocks.stop(actor, x.rectifyClockId!, 'RECTIFIED', m);
      return { rectifyNote: note.trim(), rectifiedAt: now, rectifiedByName: actor.principal!.name };
    });
  }

  private async changeRectification(
    actor: RequestActor,
    id: string,
    action: RectificationAction,
    work: (m: EntityManager, x: RectificationEntity, now: Date) => Promise<Partial<RectificationEntity>>,
  ): Promise<RectificationDto> {
    return this.dataSource.transaction(async (m) => {
      const x = await m.findOne(RectificationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!x) throw EvaluationErrors.rectificationNotFound();
      DepartmentScope.assert(actor.principal!, x.departmentId);
      const to = this.assertRectification(x.state, action);
      const change = await work(m, x, this.clock.now());
      await m.update(RectificationEntity, id, { ...change, state: to });
      await this.audit.record(m, actor, {
        action: `evaluation.rectification_${action.toLowerCase()}`,
        targetType: 'rectification',
        targetId: id,
        summary: { from: x.state, to, note: change.visitNote ?? change.rectifyNote ?? null },
      });
      return this.rectification(actor.principal!, id, m);
    });
  }

  private assertRectification(state: RectificationState, action: RectificationAction): RectificationState {
    const to = RECTIFICATION_TRANSITIONS[state][action];
    if (!to) throw EvaluationErrors.rectificationState(RECTIFICATION_STATE_LABELS[state]);
    return to;
  }

  /** 申诉: the rated department's lead says the rating is malicious or mistaken, with evidence. Once per rating. */
  async appeal(actor: RequestActor, ratingId: string, reason: string, evidence: string): Promise<RatingDto> {
    return this.dataSource.transaction(async (m) => {
      const r = await m.findOne(RatingEntity, { where: { id: ratingId }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw EvaluationErrors.ratingNotFound();
      DepartmentScope.assert(actor.principal!, r.departmentId);
      if (await m.existsBy(RatingAppealEntity, { ratingId })) throw EvaluationErrors.appealExists();
      const a = await m.save(
        m.create(RatingAppealEntity, {
          ratingId,
          departmentId: r.departmentId,
          state: 'PENDING',
          reason: reason.trim(),
          evidence: evidence.trim(),
          appealedBy: actor.principal!.id,
          appealedByName: actor.principal!.name,
          appealedAt: this.clock.now(),
        }),
      );
      await this.audit.record(m, actor, {
        action: 'evaluation.rating_appealed',
        targetType: 'rating_appeal',
        targetId: a.id,
        summary: { ratingId, reason: a.reason },
      });
      return this.ratingDto(m, ratingId);
    });
  }

  async appeals(p: Principal, state?: AppealState): Promise<RatingDto[]> {
    const params: unknown[] = [];
    const where = ['EXISTS (SELECT 1 FROM rating_appeal a WHERE a.rating_id = r.id'];
    if (state) where[0] += ` AND a.state = $${params.push(state)}`;
    where[0] += ')';
    const dept = DepartmentScope.filter(p);
    if (dept) where.push(`r.department_id = $${params.push(dept)}`);
    const rows = await this.dataSource.query(
      `${RATING_SQL} WHERE ${where.join(' AND ')} ORDER BY r.rated_at DESC LIMIT 200`,
      params,
    );
    return rows.map(toRatingDto);
  }

  /** 复核: upheld takes the rating out of the statistics and ends its rectification; dismissed leaves it counted. */
  async decideAppeal(actor: RequestActor, appealId: string, uphold: boolean, reason: string): Promise<RatingDto> {
    return this.dataSource.transaction(async (m) => {
      const a = await m.findOne(RatingAppealEntity, { where: { id: appealId }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw EvaluationErrors.appealNotFound();
      if (a.state !== 'PENDING') throw EvaluationErrors.appealState(APPEAL_STATE_LABELS[a.state]);
      const state: AppealState = uphold ? 'UPHELD' : 'DISMISSED';
      await m.update(RatingAppealEntity, a.id, {
        state,
        decidedBy: actor.principal!.id,
        decidedByName: actor.principal!.name,
        decidedAt: this.clock.now(),
        decisionReason: reason.trim(),
      });
      if (uphold) {
        await m.update(RatingEntity, a.ratingId, { excluded: true });
        const x = await m.findOne(RectificationEntity, {
          where: { ratingId: a.ratingId },
          lock: { mode: 'pessimistic_write' },
        });
        if (x && RECTIFICATION_TRANSITIONS[x.state].CANCEL) {
          const open = x.state === 'VISIT_PENDING' ? x.visitClockId : x.rectifyClockId;
          if (open) await this.clocks.stop(actor, open, 'RATING_EXCLUDED', m);
          await m.update(RectificationEntity, x.id, { state: 'CANCELLED' });
        }
      }
      await this.audit.record(m, actor, {
        action: uphold ? 'evaluation.appeal_upheld' : 'evaluation.appeal_dismissed',
        targetType: 'rating_appeal',
        targetId: a.id,
        summary: { ratingId: a.ratingId, reason: reason.trim() },
      });
      return this.ratingDto(m, a.ratingId);
    });
  }

  private async ratingDto(m: EntityManager, id: string): Promise<RatingDto> {
    const [row] = await m.query(`${RATING_SQL} WHERE r.id = $1`, [id]);
    return toRatingDto(row);
  }

  /** The national 好差评 exchange: every rating of the period, no rater identity; excluded ones marked invalid. */
  async exchange(q: { from: string; to: string }): Promise<RatingExchangeDto> {
    const { fromDay, toDay, start, end } = dayPeriod(q.from, q.to, 366);
    const rows = await this.dataSource.query(
      `${RATING_SQL} WHERE r.rated_at >= $1 AND r.rated_at < $2 ORDER BY r.rated_at LIMIT 100000`,
      [start, end],
    );
    const records = rows.map((row: Record<string, unknown>) => {
      const set = indicatorSet(row.channel as RatingChannel, row.indicator_version as number);
      const values = row.indicators as Record<string, number>;
      return {
        evaluationId: row.id as string,
        channel: row.channel === 'ONLINE' ? '1' : '2',
        serviceCode: (row.matter_code as string) ?? null,
        projectNo: (row.case_no as string) ?? null,
        deptCode: (row.department_code as string) ?? null,
        deptName: row.department_name as string,
        windowNo: (row.window_number as string) ?? null,
        staffName: (row.staff_name as string) ?? null,
        alternate: row.level as RatingLevel,
        indicators: (set?.indicators ?? []).map((i) => ({ code: i.code, name: i.label, score: values[i.code] ?? 0 })),
        problems: (row.problems as RatingProblem[]).map((k) => RATING_PROBLEMS[k] ?? k),
        writingEvaluation: (row.comment as string) ?? null,
        evaluationTime: isoOrNull(row.rated_at as Date)!,
        valid: !row.excluded,
      } as const;
    });
    return { version: 'gov-hcp-1.0', from: dateOfDay(fromDay), to: dateOfDay(toDay), count: records.length, records };
  }
}

/** The level, the indicators of the set in force (each 1–5; OVERALL is the level), the problems a bad one must name. */
function checkRating(body: SubmitRatingRequest, set: IndicatorSet) {
  const known = new Set(set.indicators.map((i) => i.code));
  const indicators: Record<string, number> = {};
  for (const [code, v] of Object.entries(body.indicators ?? {})) {
    if (!known.has(code)) throw EvaluationErrors.indicator(code);
    indicators[code] = v;
  }
  indicators.OVERALL = body.level;
  const problems = [...new Set(body.problems ?? [])];
  if (isBadRating(body.level) && !problems.length) throw EvaluationErrors.problemRequired();
  return { level: body.level, indicators, problems, comment: body.comment?.trim() || null };
}

function toAppeal(a: Record<string, unknown> | null): RatingAppealDto | null {
  if (!a) return null;
  const state = a.state as AppealState;
  return {
    id: a.id as string,
    ratingId: a.rating_id as string,
    state,
    stateLabel: APPEAL_STATE_LABELS[state],
    reason: a.reason as string,
    evidence: a.evidence as string,
    appealedByName: a.appealed_by_name as string,
    appealedAt: isoOrNull(a.appealed_at as string | null)!,
    decidedByName: (a.decided_by_name as string) ?? null,
    decidedAt: isoOrNull(a.decided_at as string | null),
    decisionReason: (a.decision_reason as string) ?? null,
  };
}

function toRatingDto(r: Record<string, unknown>): RatingDto {
  const level = r.level as RatingLevel;
  return {
    id: r.id as string,
    channel: r.channel as RatingChannel,
    level,
    levelLabel: RATING_LEVEL_LABELS[level],
    indicatorVersion: r.indicator_version as number,
    indicators: r.indicators as Record<string, number>,
    problems: r.problems as RatingProblem[],
    comment: (r.comment as string) ?? null,
    caseId: (r.case_id as string) ?? null,
    caseNo: (r.case_no as string) ?? null,
    matterName: (r.matter_name as string) ?? null,
    serviceKind: (r.service_kind as RatingDto['serviceKind']) ?? null,
    windowId: (r.window_id as string) ?? null,
    windowName: (r.window_name as string) ?? null,
    staffId: (r.staff_id as string) ?? null,
    staffName: (r.staff_name as string) ?? null,
    departmentId: r.department_id as string,
    departmentName: r.department_name as string,
    ratedAt: isoOrNull(r.rated_at as string | null)!,
    excluded: r.excluded as boolean,
    rectificationId: (r.rectification_id as string) ?? null,
    appeal: toAppeal(r.appeal as Record<string, unknown> | null),
  };
}

function toRectificationDto(x: Record<string, unknown>): RectificationDto {
  const r = toRatingDto(x.rating as Record<string, unknown>);
  const state = x.state as RectificationState;
  return {
    id: x.id as string,
    ratingId: r.id,
    rating: {
      level: r.level,
      levelLabel: r.levelLabel,
      problems: r.problems,
      comment: r.comment,
      channel: r.channel,
      caseNo: r.caseNo,
      matterName: r.matterName,
      windowName: r.windowName,
      staffName: r.staffName,
      ratedAt: r.ratedAt,
    },
    departmentId: x.department_id as string,
    departmentName: x.department_name as string,
    state,
    stateLabel: RECTIFICATION_STATE_LABELS[state],
    visitClockId: x.visit_clock_id as string,
    visitDueAt: isoOrNull(x.visit_due_at as string | null)!,
    visitNote: (x.visit_note as string) ?? null,
    visitedAt: isoOrNull(x.visited_at as string | null),
    visitedByName: (x.visited_by_name as string) ?? null,
    rectifyClockId: (x.rectify_clock_id as string) ?? null,
    rectifyDueAt: isoOrNull(x.rectify_due_at as string | null),
    rectifyNote: (x.rectify_note as string) ?? null,
    rectifiedAt: isoOrNull(x.rectified_at as string | null),
    rectifiedByName: (x.rectified_by_name as string) ?? null,
    onTime: (x.on_time as boolean) ?? null,
    followUpLevel: (x.follow_up_level as RatingLevel) ?? null,
    openedAt: isoOrNull(x.opened_at as string | null)!,
  };
}
