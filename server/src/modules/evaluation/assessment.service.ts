import { Injectable } from '@nestjs/common';
import {
  type AssessmentDto,
  type AssessmentFigures,
  type AssessmentQuery,
  type AssessmentRowDto,
  type AssessmentSchemeBody,
  type AssessmentSchemeDto,
  type AssessmentSubject,
  assessmentPeriod,
  AWARD_KIND_LABELS,
  type AwardDto,
  type AwardKind,
  type AwardProposalDto,
  belowMinimum,
  type Principal,
  SCHEME_STATE_LABELS,
  type SatisfactionTrendDto,
  scoreOf,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { ShanghaiSql } from '../../platform/database/shanghai-sql.js';
import { dayPeriod } from '../../platform/http/day-period.js';
import { AcceptanceSql } from '../acceptance/acceptance.module.js';
import { CalendarSql } from '../calendar/calendar.module.js';
import { OrganizationSql } from '../organization/organization.module.js';
import { SupervisionSql } from '../supervision/supervision.module.js';
import { AssessmentSchemeEntity, AwardEntity } from './evaluation.entities.js';
import { EvaluationErrors } from './evaluation.exception.js';
import { RECTIFIED_LATE } from './evaluation-sql.js';

/** The key a row is counted under: the staff member, or the window (the receiving clerk's, for a case). */
const KEY: Record<AssessmentSubject, { case: string; row: string }> = {
  WINDOW: { case: 'st.window_id', row: 'window_id' },
  STAFF: { case: 'st.id', row: 'staff_id' },
};

/**
 * One statement per assessment ($1 start, $2 end exclusive, $3 now): a case counts for the clerk who received it
 * (and that clerk's window) when it was completed in the period; ratings, rectifications (by when the bad rating
 * came), cards not revoked and substantiated complaints count for the window or staff member they name. Set-based
 * like the performance report: a quarter of a busy center is far too many rows to bring into the process.
 */
const figuresSql = (s: AssessmentSubject) => `
WITH c AS (
  SELECT ${KEY[s].case} AS k,
         count(*)::int AS concluded,
         count(*) FILTER (WHERE NOT ${CalendarSql.anyRanOver('sc.acceptance_clock_id, sc.case_clock_id, sc.delivery_clock_id', '$3')})::int AS on_time,
         count(*) FILTER (WHERE sc.handling_kind = 'IMMEDIATE'
           OR ${ShanghaiSql.dateOf('sc.received_at')} = ${ShanghaiSql.dateOf('sc.completed_at')})::int AS on_the_spot
  FROM ${AcceptanceSql.case('sc')} JOIN ${OrganizationSql.staff('st')} ON st.id = sc.received_by
  WHERE sc.state = 'COMPLETED' AND sc.completed_at >= $1 AND sc.completed_at < $2 AND ${KEY[s].case} IS NOT NULL
  GROUP BY 1
),
r AS (
  SELECT r.${KEY[s].row} AS k,
         count(*) FILTER (WHERE NOT r.excluded)::int AS ratings,
         count(*) FILTER (WHERE NOT r.excluded AND r.level >= 4)::int AS satisfied,
         count(*) FILTER (WHERE r.excluded)::int AS excluded
  FROM rating r WHERE r.rated_at >= $1 AND r.rated_at < $2 AND r.${KEY[s].row} IS NOT NULL GROUP BY 1
),
x AS (
  SELECT r.${KEY[s].row} AS k,
         count(*) FILTER (WHERE x.state <> 'CANCELLED')::int AS rectifications,
         count(*) FILTER (WHERE x.state = 'RECTIFIED' AND NOT ${RECTIFIED_LATE})::int AS rectified_on_time
  FROM rectification x JOIN rating r ON r.id = x.rating_id
  WHERE x.opened_at >= $1 AND x.opened_at < $2 AND r.${KEY[s].row} IS NOT NULL GROUP BY 1
),
cards AS (
  SELECT cd.${KEY[s].row} AS k, count(*)::int AS cards FROM ${SupervisionSql.card('cd')}
  WHERE cd.state <> 'REVOKED' AND cd.crossed_at >= $1 AND cd.crossed_at < $2 AND cd.${KEY[s].row} IS NOT NULL GROUP BY 1
),
q AS (
  SELECT q.${KEY[s].row} AS k, count(*)::int AS complaints FROM complaint q
  WHERE q.finding = 'SUBSTANTIATED' AND q.closed_at >= $1 AND q.closed_at < $2 AND q.${KEY[s].row} IS NOT NULL GROUP BY 1
),
keys AS (SELECT k FROM c UNION SELECT k FROM r UNION SELECT k FROM x UNION SELECT k FROM cards UNION SELECT k FROM q)
SELECT keys.k AS id, coalesce(c.concluded, 0) AS concluded, coalesce(c.on_time, 0) AS on_time,
       coalesce(c.on_the_spot, 0) AS on_the_spot, coalesce(r.ratings, 0) AS ratings, coalesce(r.satisfied, 0) AS satisfied,
       coalesce(r.excluded, 0) AS excluded, coalesce(x.rectifications, 0) AS rectifications,
       coalesce(x.rectified_on_time, 0) AS rectified_on_time, coalesce(cards.cards, 0) AS cards,
       coalesce(q.complaints, 0) AS complaints
FROM keys LEFT JOIN c ON c.k = keys.k LEFT JOIN r ON r.k = keys.k LEFT JOIN x ON x.k = keys.k
LEFT JOIN cards ON cards.k = keys.k LEFT JOIN q ON q.k = keys.k`;

const NAMES_SQL: Record<AssessmentSubject, string> = {
  WINDOW: `SELECT w.id, w.name, w.number AS window_number, w.department_id, d.name AS department_name
           FROM ${OrganizationSql.window('w')} JOIN ${OrganizationSql.department('d')} ON d.id = w.department_id
           WHERE w.id = ANY($1::uuid[])`,
  STAFF: `SELECT st.id, st.name, w.number AS window_number, st.department_id, d.name AS department_name
          FROM ${OrganizationSql.staff('st')} LEFT JOIN ${OrganizationSql.window('w')} ON w.id = st.window_id
          LEFT JOIN ${OrganizationSql.department('d')} ON d.id = st.department_id WHERE st.id = ANY($1::uuid[])`,
};

type Row = Record<string, number | string>;
const rate = (n: number, of: number) => (of ? n / of : null);

function figuresOf(r: Row): AssessmentFigures {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    concluded: n('concluded'),
    onTime: n('on_time'),
    onTimeRate: rate(n('on_time'), n('concluded')),
    onTheSpot: n('on_the_spot'),
    onTheSpotRate: rate(n('on_the_spot'), n('concluded')),
    ratings: n('ratings'),
    satisfied: n('satisfied'),
    satisfactionRate: rate(n('satisfied'), n('ratings')),
    excludedRatings: n('excluded'),
    rectifications: n('rectifications'),
    rectifiedOnTime: n('rectified_on_time'),
    rectifiedOnTimeRate: rate(n('rectified_on_time'), n('rectifications')),
    cards: n('cards'),
    substantiatedComplaints: n('complaints'),
  };
}

const AWARD_SUBJECT: Record<AwardKind, AssessmentSubject> = { RED_FLAG_WINDOW: 'WINDOW', SERVICE_STAR: 'STAFF' };

/**
 * 考核: figures of windows and staff for a quarter or year, scored by the scheme in force (its weighted parts, each
 * shown), the scheme's versions (CENTER_ADMIN proposes, a SUPERVISOR signs off), 红旗窗口 and 服务标兵 proposed from the
 * scores and confirmed by a SUPERVISOR, and the satisfaction trend.
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  assess(p: Principal, q: AssessmentQuery): Promise<AssessmentDto> {
    return this.compute(q, DepartmentScope.filter(p, q.departmentId));
  }

  private async compute(q: AssessmentQuery, departmentId: string | null): Promise<AssessmentDto> {
    const period = assessmentPeriod(q.period);
    if (!period) throw EvaluationErrors.period();
    const { start, end } = dayPeriod(period.from, period.to, 366);
    const now = this.clock.now();
    const [scheme, counted, awards] = await Promise.all([
      this.inForce(),
      this.dataSource.query<Row[]>(figuresSql(q.subject), [start, end, now]),
      this.dataSource.getRepository(AwardEntity).findBy({ period: q.period.trim().toUpperCase() }),
    ]);
    const names = new Map<string, Row>(
      (await this.dataSource.query<Row[]>(NAMES_SQL[q.subject], [counted.map((r) => r.id)])).map((n) => [
        n.id as string,
        n,
      ]),
    );
    const awarded = new Map(awards.map((a) => [a.subjectId, a.kind]));
    const rows = counted
      .filter((r) => names.has(r.id as string))
      .filter((r) => !departmentId || names.get(r.id as string)!.department_id === departmentId)
      .map((r): AssessmentRowDto => {
        const f = figuresOf(r);
        const n = names.get(r.id as string)!;
        return {
          id: r.id as string,
          name: n.name as string,
          windowNumber: (n.window_number as string) ?? null,
          departmentId: (n.department_id as string) ?? null,
          departmentName: (n.department_name as string) ?? null,
          ...f,
          ...scoreOf(f, scheme.body),
          belowMinimum: belowMinimum(f, scheme.body),
          rank: 0,
          award: awarded.get(r.id as string) ?? null,
        };
      })
      .sort((a, b) => b.score - a.score || b.concluded - a.concluded || a.name.localeCompare(b.name, 'zh'))
      .map((r, i) => ({ ...r, rank: i + 1 }));
    const kept = new Set(rows.map((r) => r.id));
    const sum: Row = {};
    for (const c of counted)
      if (kept.has(c.id as string))
        for (const [k, v] of Object.entries(c)) if (k !== 'id') sum[k] = Number(sum[k] ?? 0) + Number(v);
    return {
      subject: q.subject,
      period: q.period.trim().toUpperCase(),
      from: period.from,
      to: period.to,
      asOf: now.toISOString(),
      schemeVersion: scheme.version,
      rows,
      totals: figuresOf(sum),
    };
  }

  /** The staff member's own line (their scores, explained). */
  async mine(p: Principal, period: string): Promise<AssessmentRowDto | null> {
    const all = await this.compute({ subject: 'STAFF', period }, p.departmentId);
    return all.rows.find((r) => r.id === p.id) ?? null;
  }

  async trend(p: Principal, q: { from: string; to: string }): Promise<SatisfactionTrendDto> {
    const { start, end, from, to } = dayPeriod(q.from, q.to, 731);
    const dept = DepartmentScope.filter(p);
    const params: unknown[] = [start, end];
    const scope = dept ? `AND r.department_id = $${params.push(dept)}` : '';
    const [months, byDept] = await Promise.all([
      this.dataSource.query<Row[]>(
        `SELECT to_char(${ShanghaiSql.dateOf('r.rated_at')}, 'YYYY-MM') AS month,
                count(*)::int AS ratings, count(*) FILTER (WHERE r.level >= 4)::int AS satisfied
         FROM rating r WHERE r.rated_at >= $1 AND r.rated_at < $2 AND NOT r.excluded ${scope} GROUP BY 1 ORDER BY 1`,
        params,
      ),
      this.dataSource.query<Row[]>(
        `SELECT r.department_id, d.name, count(*)::int AS ratings, count(*) FILTER (WHERE r.level >= 4)::int AS satisfied
         FROM rating r JOIN ${OrganizationSql.department('d')} ON d.id = r.department_id
         WHERE r.rated_at >= $1 AND r.rated_at < $2 AND NOT r.excluded ${scope} GROUP BY 1, 2 ORDER BY 2`,
        params,
      ),
    ]);
    return {
      from,
      to,
      months: months.map((m) => ({
        month: m.month as string,
        ratings: Number(m.ratings),
        satisfied: Number(m.satisfied),
        satisfactionRate: rate(Number(m.satisfied), Number(m.ratings)),
      })),
      byDepartment: byDept.map((d) => ({
        departmentId: d.department_id as string,
        departmentName: d.name as string,
        ratings: Number(d.ratings),
        satisfied: Number(d.satisfied),
        satisfactionRate: rate(Number(d.satisfied), Number(d.ratings)),
      })),
    };
  }

  // --- the scheme ---

  private async inForce(m: EntityManager = this.dataSource.manager): Promise<AssessmentSchemeEntity> {
    return m.findOneByOrFail(AssessmentSchemeEntity, { state: 'IN_FORCE' });
  }

  async schemes(): Promise<AssessmentSchemeDto[]> {
    const rows = await this.dataSource.getRepository(AssessmentSchemeEntity).find({ order: { version: 'DESC' } });
    return rows.map(toSchemeDto);
  }

  proposeScheme(actor: RequestActor, body: AssessmentSchemeBody): Promise<AssessmentSchemeDto> {
    return this.dataSource.transaction(async (m) => {
      const waiting = await m.findOne(AssessmentSchemeEntity, {
        where: { state: 'PROPOSED' },
        lock: { mode: 'pessimistic_write' },
      });
      if (waiting) throw EvaluationErrors.schemePending(waiting.version);
      const s = await m.save(
        m.create(AssessmentSchemeEntity, {
          state: 'PROPOSED',
          body: { ...body, note: body.note.trim() },
          proposedBy: actor.principal!.id,
          proposedByName: actor.principal!.name,
          proposedAt: this.clock.now(),
        }),
      );
      await this.audit.record(m, actor, {
        action: 'evaluation.scheme_proposed',
        targetType: 'assessment_scheme',
        targetId: String(s.version),
        summary: { ...body },
      });
      return toSchemeDto(s);
    });
  }

  decideScheme(actor: RequestActor, version: number, approve: boolean, note: string): Promise<AssessmentSchemeDto> {
    return this.dataSource.transaction(async (m) => {
      const s = await m.findOne(AssessmentSchemeEntity, { where: { version }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw EvaluationErrors.schemeNotFound(version);
      if (s.state !== 'PROPOSED') throw EvaluationErrors.schemeState(version, SCHEME_STATE_LABELS[s.state]);
      if (s.proposedBy === actor.principal!.id) throw EvaluationErrors.schemeSelf();
      const decided = {
        decidedBy: actor.principal!.id,
        decidedByName: actor.principal!.name,
        decidedAt: this.clock.now(),
        decisionNote: note.trim(),
      };
      if (approve) {
        const before = await this.inForce(m);
        await m.update(AssessmentSchemeEntity, before.version, { state: 'SUPERSEDED' });
      }
      await m.update(AssessmentSchemeEntity, version, { state: approve ? 'IN_FORCE' : 'REJECTED', ...decided });
      await this.audit.record(m, actor, {
        action: approve ? 'evaluation.scheme_signed_off' : 'evaluation.scheme_rejected',
        targetType: 'assessment_scheme',
        targetId: String(version),
        summary: { note: decided.decisionNote },
      });
      return toSchemeDto(await m.findOneByOrFail(AssessmentSchemeEntity, { version }));
    });
  }

  // --- awards ---

  /** The top `n` that meet every minimum, in rank order; those met on the way that fail one are passed over, with why. */
  async proposeAward(p: Principal, kind: AwardKind, period: string, n = 3): Promise<AwardProposalDto> {
    const a = await this.assess(p, { subject: AWARD_SUBJECT[kind], period });
    const candidates: AssessmentRowDto[] = [];
    const passedOver: AwardProposalDto['passedOver'] = [];
    for (const r of a.rows) {
      if (candidates.length >= n) break;
      if (r.belowMinimum.length) passedOver.push({ id: r.id, name: r.name, belowMinimum: r.belowMinimum });
      else candidates.push(r);
    }
    return { kind, period: a.period, schemeVersion: a.schemeVersion, candidates, passedOver };
  }

  async confirmAward(
    actor: RequestActor,
    kind: AwardKind,
    period: string,
    ids: string[],
    note: string,
  ): Promise<AwardDto[]> {
    const a = await this.assess(actor.principal!, { subject: AWARD_SUBJECT[kind], period });
    const rows = ids.map((id) => {
      const r = a.rows.find((x) => x.id === id);
      if (!r) throw EvaluationErrors.notEligible('该对象', '本考核期没有考核数据');
      if (r.belowMinimum.length) throw EvaluationErrors.notEligible(r.name, r.belowMinimum.join('；'));
      return r;
    });
    await this.dataSource.transaction(async (m) => {
      for (const r of rows) {
        await m
          .createQueryBuilder()
          .insert()
          .into(AwardEntity)
          .values({
            kind,
            period: a.period,
            subjectId: r.id,
            subjectName: r.name,
            score: r.score.toFixed(2),
            schemeVersion: a.schemeVersion,
            confirmedBy: actor.principal!.id,
            confirmedByName: actor.principal!.name,
            confirmedAt: this.clock.now(),
            note: note.trim(),
          })
          .orIgnore()
          .execute();
      }
      await this.audit.record(m, actor, {
        action: 'evaluation.award_confirmed',
        targetType: 'award',
        targetId: `${kind}:${a.period}`,
        summary: { kind, period: a.period, subjects: rows.map((r) => r.name), note: note.trim() },
      });
    });
    return this.awards(a.period);
  }

  async awards(period?: string): Promise<AwardDto[]> {
    const rows = await this.dataSource.getRepository(AwardEntity).find({
      where: period ? { period: period.trim().toUpperCase() } : {},
      order: { period: 'DESC', score: 'DESC' },
      take: 200,
    });
    return rows.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: AWARD_KIND_LABELS[a.kind],
      period: a.period,
      subjectId: a.subjectId,
      subjectName: a.subjectName,
      score: Number(a.score),
      schemeVersion: a.schemeVersion,
      confirmedByName: a.confirmedByName,
      confirmedAt: a.confirmedAt.toISOString(),
      note: a.note,
    }));
  }
}

function toSchemeDto(s: AssessmentSchemeEntity): AssessmentSchemeDto {
  return {
    ...s.body,
    version: s.version,
    state: s.state,
    stateLabel: SCHEME_STATE_LABELS[s.state],
    proposedByName: s.proposedByName,
    proposedAt: s.proposedAt.toISOString(),
    decidedByName: s.decidedByName,
    decidedAt: s.decidedAt?.toISOString() ?? null,
    decisionNote: s.decisionNote,
  };
}
