import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CardReason,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_FINDING_LABELS,
  COMPLAINT_OFFICE_LABELS,
  COMPLAINT_STATE_LABELS,
  COMPLAINT_SUBJECT_LABELS,
  COMPLAINT_TRANSITIONS,
  COMPLAINT_TYPE_LABELS,
  type ComplaintAction,
  COMPLAINT_STEP_LABELS,
  type ComplaintStepAction,
  type ComplaintChannel,
  type ComplaintDto,
  type ComplaintOffice,
  type ComplaintQuery,
  type ComplaintRouteDto,
  type ComplaintState,
  type ComplaintType,
  type CloseComplaintRequest,
  type FileComplaintRequest,
  type FiledComplaintDto,
  LimitUnit,
  maskName,
  maskPhone,
  type Page,
  type Principal,
  PrincipalKind,
  type PublicComplaintDto,
  isCenterWide,
  shanghaiDay,
  dateOfDay,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { type RequestActor, systemActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { newQueryCode } from '../../platform/crypto/query-code.js';
import { isoOrNull } from '../../platform/database/sql-values.js';
import { Paging } from '../../platform/http/paging.js';
import { AcceptanceSql } from '../acceptance/acceptance.module.js';
import { CalendarSql, ClockService } from '../calendar/calendar.module.js';
import { DepartmentService, OrganizationSql } from '../organization/organization.module.js';
import { CardService } from '../supervision/supervision.module.js';
import { ComplaintEntity, ComplaintRouteEntity, ComplaintStepEntity } from './evaluation.entities.js';
import { EvaluationErrors } from './evaluation.exception.js';

/** What a department's staff see of complaints about it: those handed to it, from then on. */
const DEPARTMENT_SEES: readonly ComplaintState[] = ['ASSIGNED', 'ANSWERED', 'CLOSED'];

const COMPLAINT_SQL = `
  SELECT c.*, coalesce(sc.case_no, sc.receipt_no) AS case_no, w.name AS window_name, st.name AS staff_name,
         d.name AS department_name, k.due_at, k.state AS clock_state, k.stopped_at,
         (SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.at), '[]') FROM complaint_step s WHERE s.complaint_id = c.id) AS steps
  FROM complaint c
  JOIN ${CalendarSql.clock('k')} ON k.id = c.clock_id
  LEFT JOIN ${AcceptanceSql.case('sc')} ON sc.id = c.case_id
  LEFT JOIN ${OrganizationSql.window('w')} ON w.id = c.window_id
  LEFT JOIN ${OrganizationSql.staff('st')} ON st.id = c.staff_id
  LEFT JOIN ${OrganizationSql.department('d')} ON d.id = c.department_id`;

/** Who files: an anonymous visitor, a logged-in applicant, or staff registering a hotline call, letter or visit. */
export interface Filer {
  actor: RequestActor;
  channel: ComplaintChannel;
  accountId: string | null;
  externalRef?: string | null;
}

/**
 * 投诉: filed on the portal or registered by staff, routed to an office by its type (a table CENTER_ADMIN keeps),
 * on a COMPLAINT clock from filing to the department's answer; a SUPERVISOR accepts it, hands it to the department,
 * and closes it with a finding; a substantiated one may card the person responsible. The complainant follows it by
 * number and query code and rates the answer. Every move is a step on record and in the audit log.
 */
@Injectable()
export class ComplaintService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    private readonly clocks: ClockService,
    private readonly cards: CardService,
    private readonly departments: DepartmentService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async file(filer: Filer, body: FileComplaintRequest): Promise<FiledComplaintDto> {
    const anonymous = !filer.accountId && filer.channel === 'ONLINE';
    if (anonymous && !body.contactPhone) throw EvaluationErrors.contactRequired();
    await this.assertDepartment(body.departmentId);
    return this.dataSource.transaction(async (m) => {
      const about = await this.subjectOf(m, body, filer);
      const [route] = await m.query(`SELECT office FROM complaint_route WHERE type = $1`, [body.type]);
      const office = route.office as ComplaintOffice;
      const now = this.clock.now();
      const [{ n }] = await m.query(`SELECT nextval('complaint_number_seq')::int AS n`);
      const number = `TS${dateOfDay(shanghaiDay(now)).slice(0, 4)}${String(n).padStart(6, '0')}`;
      const queryCode = newQueryCode();
      const id = randomUUID();
      const clock = await this.clocks.start(
        filer.actor,
        {
          subjectKind: 'COMPLAINT',
          subjectId: id,
          departmentId: about.departmentId,
          limit: { value: this.config.evaluation.complaintWorkingDays, unit: LimitUnit.WORKING_DAY },
        },
        m,
      );
      await m.insert(ComplaintEntity, {
        id,
        number,
        queryCode,
        channel: filer.channel,
        externalRef: filer.externalRef?.trim() || null,
        type: body.type,
        subject: body.subject,
        office,
        content: body.content.trim(),
        caseId: about.caseId,
        windowId: about.windowId,
        staffId: about.staffId,
        departmentId: about.departmentId,
        contactName: body.contactName?.trim() || null,
        contactPhone: body.contactPhone ?? null,
        accountId: filer.accountId,
        state: 'SUBMITTED',
        clockId: clock.id,
        filedAt: now,
      });
      await this.step(m, id, 'FILE', filer.actor, COMPLAINT_CHANNEL_LABELS[filer.channel]);
      await this.audit.record(m, filer.actor, {
        action: 'complaint.filed',
        targetType: 'complaint',
        targetId: id,
        summary: { number, channel: filer.channel, type: body.type, subject: body.subject, office },
      });
      return {
        id,
        number,
        queryCode,
        dueAt: clock.dueAt.toISOString(),
        office,
        officeLabel: COMPLAINT_OFFICE_LABELS[office],
      };
    });
  }

  /** What the complaint is about, checked: the case, window, staff member or department must exist. */
  private async subjectOf(m: EntityManager, b: FileComplaintRequest, filer: Filer) {
    const out = {
      caseId: null as string | null,
      windowId: null as string | null,
      staffId: null as string | null,
      departmentId: b.departmentId ?? null,
    };
    const staffFiler = filer.actor.principal?.kind === PrincipalKind.STAFF;
    if (b.caseNo) {
      const [c] = await m.query(
        `SELECT sc.id, sc.department_id, sc.query_code, sc.received_by, st.window_id, sc.applicant_account_id AS account
         FROM ${AcceptanceSql.case('sc')} LEFT JOIN ${OrganizationSql.staff('st')} ON st.id = sc.received_by
         WHERE sc.case_no = $1 OR sc.receipt_no = $1`,
        [b.caseNo.trim().toUpperCase()],
      );
      const mayName =
        c &&
        (staffFiler ||
          (filer.accountId && c.account === filer.accountId) ||
          c.query_code === b.queryCode?.trim().toUpperCase());
      if (!mayName) throw EvaluationErrors.subjectUnknown('caseNo', '办件（请核对编号和查询码）');
      Object.assign(out, {
        caseId: c.id,
        departmentId: c.department_id,
        staffId: c.received_by,
        windowId: c.window_id,
      });
    } else if (b.subject === 'CASE') throw EvaluationErrors.subjectMissing('caseNo', '办件编号');
    if (b.windowNumber) {
      const [w] = await m.query(
        `SELECT w.id, w.department_id FROM ${OrganizationSql.window('w')} WHERE w.number = $1`,
        [b.windowNumber.trim()],
      );
      if (!w) throw EvaluationErrors.subjectUnknown('windowNumber', '窗口');
      Object.assign(out, { windowId: w.id, departmentId: w.department_id });
    } else if (b.subject === 'WINDOW') throw EvaluationErrors.subjectMissing('windowNumber', '窗口号');
    if (b.staffName) {
      const rows = await m.query(
        `SELECT st.id, st.window_id, st.department_id FROM ${OrganizationSql.staff('st')}
         WHERE st.name = $1 ${out.windowId ? 'AND st.window_id = $2' : ''}`,
        out.windowId ? [b.staffName.trim(), out.windowId] : [b.staffName.trim()],
      );
      if (rows.length !== 1)
        throw EvaluationErrors.subjectUnknown(
          'staffName',
          rows.length ? '工作人员（同名，请同时填写窗口号）' : '工作人员',
        );
      Object.assign(out, { staffId: rows[0].id, windowId: rows[0].window_id, departmentId: rows[0].department_id });
    } else if (b.subject === 'STAFF') throw EvaluationErrors.subjectMissing('staffName', '工作人员姓名');
    if (!out.departmentId && b.subject === 'DEPARTMENT') throw EvaluationErrors.subjectMissing('departmentId', '部门');
    return out;
  }

  accept(actor: RequestActor, id: string, note?: string) {
    return this.change(actor, id, 'ACCEPT', note ?? null, async () => ({}));
  }

  async assign(actor: RequestActor, id: string, departmentId: string, note?: string) {
    await this.assertDepartment(departmentId);
    return this.change(actor, id, 'ASSIGN', note ?? null, async () => ({ departmentId }));
  }

  /** Departments are checked before the transaction (a department is never deleted, only deactivated). */
  private async assertDepartment(id: string | undefined) {
    if (id && !(await this.departments.exists(id))) throw EvaluationErrors.subjectUnknown('departmentId', '部门');
  }

  /** The department answers: the clock (filing to answer) stops. */
  answer(actor: RequestActor, id: string, answer: string) {
    return this.change(actor, id, 'ANSWER', answer.trim(), async (m, c) => {
      DepartmentScope.assert(actor.principal!, c.departmentId ?? '');
      await this.stopClock(m, actor, c, 'COMPLAINT_ANSWERED');
      return { answer: answer.trim(), answeredAt: this.clock.now() };
    });
  }

  close(actor: RequestActor, id: string, dto: CloseComplaintRequest) {
    return this.change(actor, id, 'CLOSE', dto.conclusion.trim(), async (m, c) => {
      await this.stopClock(m, actor, c, 'COMPLAINT_CLOSED');
      let cardId: string | null = null;
      if (dto.finding === 'SUBSTANTIATED' && dto.cardStaff) {
        if (!c.staffId || !c.departmentId) throw EvaluationErrors.noStaffToCard();
        cardId = await this.cards.violation(m, {
          reason: CardReason.COMPLAINT_SUBSTANTIATED,
          // The card is the person's, for this complaint (the complaint names the case): a case's violation cards are
          // one per reason, and a case may be complained of more than once.
          caseId: null,
          departmentId: c.departmentId,
          staffId: c.staffId,
          windowId: c.windowId,
          crossedAt: this.clock.now(),
        });
      }
      return { finding: dto.finding, conclusion: dto.conclusion.trim(), closedAt: this.clock.now(), cardId };
    });
  }

  /** The complainant rates the answer, once. */
  async rate(no: string, code: string, level: number, comment?: string): Promise<PublicComplaintDto> {
    const c = await this.byCode(no, code);
    await this.change(
      systemActor('投诉人（凭编号和查询码）'),
      c.id,
      'RATE',
      null,
      async (_m, locked) => {
        if (locked.complainantLevel !== null) throw EvaluationErrors.alreadyRated();
        return { complainantLevel: level, complainantComment: comment?.trim() || null };
      },
      null,
    );
    return this.publicView(no, code);
  }

  private async stopClock(m: EntityManager, actor: RequestActor, c: ComplaintEntity, reason: string) {
    const [k] = await m.query(`SELECT k.state FROM ${CalendarSql.clock('k')} WHERE k.id = $1`, [c.clockId]);
    if (k?.state !== 'STOPPED') await this.clocks.stop(actor, c.clockId, reason, m);
  }

  private async change(
    actor: RequestActor,
    id: string,
    action: ComplaintAction,
    note: string | null,
    work: (m: EntityManager, c: ComplaintEntity) => Promise<Partial<ComplaintEntity>>,
    viewer: Principal | null = actor.principal,
  ): Promise<ComplaintDto> {
    return this.dataSource.transaction(async (m) => {
      const c = await m.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw EvaluationErrors.complaintNotFound();
      const to = COMPLAINT_TRANSITIONS[c.state][action];
      if (!to) throw EvaluationErrors.complaintState(COMPLAINT_STATE_LABELS[c.state], COMPLAINT_STEP_LABELS[action]);
      const change = await work(m, c);
      await m.update(ComplaintEntity, id, { ...change, state: to });
      await this.step(m, id, action, actor, note);
      await this.audit.record(m, actor, {
        action: `complaint.${action.toLowerCase()}`,
        targetType: 'complaint',
        targetId: id,
        summary: {
          number: c.number,
          from: c.state,
          to,
          note,
          ...('finding' in change ? { finding: change.finding } : {}),
        },
      });
      return this.read(m, id, viewer);
    });
  }

  private async step(m: EntityManager, complaintId: string, action: string, actor: RequestActor, note: string | null) {
    await m.insert(ComplaintStepEntity, {
      complaintId,
      action,
      actorId: actor.principal?.kind === PrincipalKind.STAFF ? actor.principal.id : null,
      actorName: actor.principal?.kind === PrincipalKind.STAFF ? actor.principal.name : '投诉人',
      at: this.clock.now(),
      note,
    });
  }

  /** Supervisors see all; a department's staff the complaints handed to it. */
  async list(p: Principal, q: ComplaintQuery): Promise<Page<ComplaintDto>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (!isCenterWide(p.roles)) {
      if (!p.departmentId) throw AuthErrors.departmentScope();
      where.push(
        `c.department_id = $${params.push(p.departmentId)} AND c.state = ANY($${params.push(DEPARTMENT_SEES)})`,
      );
    } else if (q.departmentId) where.push(`c.department_id = $${params.push(q.departmentId)}`);
    if (q.state) where.push(`c.state = $${params.push(q.state)}`);
    if (q.office) where.push(`c.office = $${params.push(q.office)}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const paging = Paging.of(q);
    const listParams = [...params];
    const page = paging.sql(listParams);
    const [[{ n }], rows] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS n FROM complaint c ${w}`, params),
      this.dataSource.query(`${COMPLAINT_SQL} ${w} ORDER BY c.filed_at DESC ${page}`, listParams),
    ]);
    return paging.of(
      rows.map((r: Record<string, unknown>) => this.toDto(r)),
      n,
    );
  }

  async get(p: Principal, id: string): Promise<ComplaintDto> {
    return this.read(this.dataSource.manager, id, p);
  }

  private async read(m: EntityManager, id: string, p: Principal | null): Promise<ComplaintDto> {
    const [r] = await m.query(`${COMPLAINT_SQL} WHERE c.id = $1`, [id]);
    if (!r) throw EvaluationErrors.complaintNotFound();
    if (p?.kind === PrincipalKind.STAFF && !isCenterWide(p.roles)) {
      if (r.department_id !== p.departmentId || !DEPARTMENT_SEES.includes(r.state))
        throw EvaluationErrors.complaintNotFound();
    }
    return this.toDto(r);
  }

  private async byCode(no: string, code: string): Promise<ComplaintEntity> {
    const c = await this.dataSource
      .getRepository(ComplaintEntity)
      .findOneBy({ number: no.trim().toUpperCase(), queryCode: code.trim().toUpperCase() });
    if (!c) throw EvaluationErrors.complaintNotFound();
    return c;
  }

  async publicView(no: string, code: string): Promise<PublicComplaintDto> {
    const c = await this.byCode(no, code);
    const d = await this.read(this.dataSource.manager, c.id, null);
    return {
      number: d.number,
      type: d.type,
      typeLabel: d.typeLabel,
      subject: d.subject,
      subjectLabel: d.subjectLabel,
      content: d.content,
      state: d.state,
      stateLabel: d.stateLabel,
      filedAt: d.filedAt,
      dueAt: d.dueAt,
      answer: d.state === 'CLOSED' || d.state === 'ANSWERED' ? d.answer : null,
      finding: d.finding,
      findingLabel: d.findingLabel,
      conclusion: d.conclusion,
      closedAt: d.closedAt,
      canRate: d.state === 'CLOSED' && d.complainantLevel === null,
      complainantLevel: d.complainantLevel,
      steps: d.steps.map((s) => ({ action: s.action, actionLabel: s.actionLabel, at: s.at })),
    };
  }

  async routes(): Promise<ComplaintRouteDto[]> {
    const rows = await this.dataSource.getRepository(ComplaintRouteEntity).find({ order: { type: 'ASC' } });
    return rows.map((r) => ({
      type: r.type,
      typeLabel: COMPLAINT_TYPE_LABELS[r.type],
      office: r.office,
      officeLabel: COMPLAINT_OFFICE_LABELS[r.office],
    }));
  }

  async setRoutes(actor: RequestActor, routes: { type: ComplaintType; office: ComplaintOffice }[]) {
    await this.dataSource.transaction(async (m) => {
      for (const r of routes)
        await m.update(ComplaintRouteEntity, r.type, {
          office: r.office,
          updatedAt: this.clock.now(),
          updatedByName: actor.principal!.name,
        });
      await this.audit.record(m, actor, {
        action: 'complaint.routes_changed',
        targetType: 'complaint_route',
        targetId: 'all',
        summary: Object.fromEntries(routes.map((r) => [r.type, r.office])),
      });
    });
    return this.routes();
  }

  private toDto(r: Record<string, unknown>): ComplaintDto {
    const state = r.state as ComplaintState;
    const due = new Date(r.due_at as string);
    const end = r.stopped_at ? new Date(r.stopped_at as string) : this.clock.now();
    const steps = (r.steps as Record<string, unknown>[]).map((s) => ({
      action: s.action as ComplaintStepAction,
      actionLabel: COMPLAINT_STEP_LABELS[s.action as ComplaintStepAction] ?? (s.action as string),
      actorName: s.actor_name as string,
      at: isoOrNull(s.at as string | null)!,
      note: (s.note as string) ?? null,
    }));
    return {
      id: r.id as string,
      number: r.number as string,
      channel: r.channel as ComplaintChannel,
      channelLabel: COMPLAINT_CHANNEL_LABELS[r.channel as ComplaintChannel],
      externalRef: (r.external_ref as string) ?? null,
      type: r.type as ComplaintType,
      typeLabel: COMPLAINT_TYPE_LABELS[r.type as ComplaintType],
      subject: r.subject as ComplaintDto['subject'],
      subjectLabel: COMPLAINT_SUBJECT_LABELS[r.subject as ComplaintDto['subject']],
      office: r.office as ComplaintOffice,
      officeLabel: COMPLAINT_OFFICE_LABELS[r.office as ComplaintOffice],
      content: r.content as string,
      caseId: (r.case_id as string) ?? null,
      caseNo: (r.case_no as string) ?? null,
      windowId: (r.window_id as string) ?? null,
      windowName: (r.window_name as string) ?? null,
      staffId: (r.staff_id as string) ?? null,
      staffName: (r.staff_name as string) ?? null,
      departmentId: (r.department_id as string) ?? null,
      departmentName: (r.department_name as string) ?? null,
      contactName: r.contact_name ? maskName(r.contact_name as string) : null,
      contactPhoneMasked: r.contact_phone ? maskPhone(r.contact_phone as string) : null,
      state,
      stateLabel: COMPLAINT_STATE_LABELS[state],
      filedAt: isoOrNull(r.filed_at as string | null)!,
      clockId: r.clock_id as string,
      dueAt: due.toISOString(),
      overdue: end.getTime() > due.getTime(),
      answer: (r.answer as string) ?? null,
      answeredAt: isoOrNull(r.answered_at as string | null),
      finding: (r.finding as ComplaintDto['finding']) ?? null,
      findingLabel: r.finding ? COMPLAINT_FINDING_LABELS[r.finding as 'SUBSTANTIATED'] : null,
      conclusion: (r.conclusion as string) ?? null,
      closedAt: isoOrNull(r.closed_at as string | null),
      cardId: (r.card_id as string) ?? null,
      complainantLevel: (r.complainant_level as number) ?? null,
      complainantComment: (r.complainant_comment as string) ?? null,
      steps,
    };
  }
}
