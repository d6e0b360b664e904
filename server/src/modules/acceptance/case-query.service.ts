import { applicantView } from './case-applicant.js';
import { Injectable } from '@nestjs/common';
import {
  CASE_ACTION_LABELS,
  CASE_STATE_LABELS,
  CASE_TRANSITIONS,
  type CaseDto,
  type CaseMaterialDto,
  type CaseStepDto,
  type CaseTaskDto,
  clockStanding,
  type SubtaskDto,
  type InspectionDto,
  SUBTASK_STATE_LABELS,
  type SubtaskState,
  CaseQueue,
  type CaseQueueCountsDto,
  type CaseSummaryDto,
  type ClockDto,
  type ClockStanding,
  CLOCK_SUBJECT_LABELS,
  formatDeadline,
  maskName,
  type Page,
  type Principal,
  PrincipalKind,
  type PublicProgressDto,
  RUNNING_CLOCK_OF_STATE,
  type CaseClockSlot,
  STEP_RESULT_LABELS,
  CASE_NOTICE_LABELS,
  type CaseAction,
  type CaseNoticeKind,
  type BundlePartDto,
  type CaseState,
  dayNumber,
  startOfShanghaiDay,
  type StepResultCode,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { EntityRows } from '../../platform/database/entity-rows.js';
import { escapeLike } from '../../platform/database/escape-like.js';
import { isoOrNull } from '../../platform/database/sql-values.js';
import { FileErrors, FileStore } from '../../platform/files/file-store.service.js';
import { CASE_MATERIAL_FILE } from './case-intake.service.js';
import { CalendarSql, type ClockJson, ClockReader } from '../calendar/calendar.module.js';
import { OrganizationSql } from '../organization/organization.module.js';
import { CaseAccess } from './case-access.js';
import { caseMaterialsJson, caseNoticesJson } from './case-sql.js';
import { AcceptanceSql } from './acceptance.sql.js';
import { CaseNoticeService } from './case-notice.service.js';
import { CaseEntity, CaseMaterialEntity } from './case.entities.js';
import { CaseExtensions } from './case-extensions.js';
import { CaseErrors } from './case.exception.js';
import { Paging } from '../../platform/http/paging.js';

/** Which of a case's clocks is running in each state. */
const CLOCK_COLUMN: Record<CaseClockSlot, string> = {
  acceptanceClock: 'sc.acceptance_clock_id',
  caseClock: 'sc.case_clock_id',
  deliveryClock: 'sc.delivery_clock_id',
};
/** The running clock's id, by shared's RUNNING_CLOCK_OF_STATE (the same rule the SPAs apply to a CaseDto). */
const RUNNING_CLOCK = `CASE sc.state ${Object.entries(RUNNING_CLOCK_OF_STATE)
  .flatMap(([state, slot]) => (slot ? [`WHEN '${state}' THEN ${CLOCK_COLUMN[slot]}`] : []))
  .join(' ')} END`;

/** The queues acceptance fills itself; the others (审查, 决定) come from the case extensions. */
const QUEUE_SQL: Partial<Record<CaseQueue, string>> = {
  TO_ACCEPT: `sc.state = 'SUBMITTED'`,
  SUPPLEMENT: `sc.state = 'SUPPLEMENT_REQUIRED'`,
  TO_DELIVER: `sc.state IN ('APPROVED', 'DENIED')`,
  SUSPENDED: `sc.state = 'SUSPENDED'`,
  FORWARDED: `sc.state = 'FORWARDED'`,
};

const STANDING_SQL = CalendarSql.standing('ck', '$1');

/** A queue row: the case with its running clock (needs $1 = now). */
const SUMMARY_COLUMNS = `sc.id, sc.receipt_no, sc.case_no, sc.matter_name, sc.department_id, sc.applicant_name, sc.channel, sc.state, sc.received_at,
  ${CalendarSql.openDueAt('ck')} AS due_at, ${STANDING_SQL} AS standing, (sc.key_project_id IS NOT NULL) AS green_channel, sc.bundle_id`;

/** 绿色通道 cases head every queue; then the least time left. */
const QUEUE_ORDER = `${AcceptanceSql.keyProjectFirst('sc')}, (ck.state = 'RUNNING') DESC NULLS LAST, ck.due_at ASC NULLS LAST, sc.received_at DESC`;

/** Everything under a case (`sc`) that acceptance owns, by alias, read with the case row (extensions add theirs). */
const CASE_PARTS = `
  (${caseMaterialsJson('sc.id')}) AS materials,
  (SELECT coalesce(json_agg(json_build_object('seq', s.seq, 'action', s.action, 'fromState', s.from_state, 'toState', s.to_state, 'actorName', s.actor_name,
            'actingForName', s.acting_for_name, 'at', s.at, 'opinion', s.opinion, 'resultCode', s.result_code, 'noticeId', s.notice_id) ORDER BY s.seq), '[]')
     FROM case_step s WHERE s.case_id = sc.id) AS steps,
  (${caseNoticesJson('sc.id')}) AS notices,
  (SELECT json_build_object('id', kp.id, 'projectName', kp.project_name) FROM key_project kp WHERE kp.id = sc.key_project_id) AS key_project,
  (SELECT json_build_object('id', b.id, 'bundleNo', b.bundle_no, 'name', b.name) FROM case_bundle b WHERE b.id = sc.bundle_id) AS bundle`;

interface CaseParts {
  clocks: ClockJson[];
  calendar_revision: number;
  materials: CaseMaterialDto[];
  steps: CaseStepDto[];
  /** From the approval extension; absent without it. */
  tasks?: CaseTaskDto[];
  subtasks?: (Omit<SubtaskDto, 'clock' | 'standing'> & { clockId: string })[];
  inspections?: InspectionDto[];
  notices: { id: string; kind: CaseNoticeKind; createdAt: string }[];
  key_project: { id: string; projectName: string } | null;
  bundle: CaseDto['bundle'];
}

/** A part of a bundle as the bundle pages read it (see CaseQueryService.bundleParts). */
export type BundlePartRow = BundlePartDto & {
  bundleId: string;
  applicantName: string;
  notices: { id: string; kind: CaseNoticeKind; createdAt: string }[];
};

/** Reading cases: the staff queues, one case in full, the applicant's own, and the public progress query. */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClockReader,
    private readonly notices: CaseNoticeService,
    private readonly cipher: PersonalDataCipher,
    private readonly files: FileStore,
    private readonly clock: PlatformClock,
    private readonly extensions: CaseExtensions,
  ) {}

  private queueSql(queue: CaseQueue): string {
    return QUEUE_SQL[queue] ?? this.extensions.queue(queue);
  }

  /** A staff queue (department-scoped), most urgent first: least time left at the top. */
  async queue(
    p: Principal,
    queue: CaseQueue | undefined,
    q: string | undefined,
    paging: Paging,
    filter: { state?: CaseState; from?: string; to?: string } = {},
  ): Promise<Page<CaseSummaryDto>> {
    const params: unknown[] = [this.clock.now()];
    const where: string[] = [`sc.state <> 'DRAFT'`];
    const dept = DepartmentScope.filter(p, undefined);
    if (dept) where.push(`sc.department_id = $${params.push(dept)}`);
    if (queue) where.push(this.queueSql(queue));
    if (q?.trim())
      where.push(
        `(sc.receipt_no ILIKE $${params.push(`%${escapeLike(q.trim())}%`)} OR sc.case_no ILIKE $${params.length}
          OR sc.applicant_name ILIKE $${params.length} OR sc.matter_name ILIKE $${params.length})`,
      );
    if (filter.state) where.push(`sc.state = $${params.push(filter.state)}`);
    // Received within a period of Shanghai days, both ends included.
    if (filter.from) where.push(`sc.received_at >= $${params.push(startOfShanghaiDay(dayNumber(filter.from)))}`);
    if (filter.to) where.push(`sc.received_at < $${params.push(startOfShanghaiDay(dayNumber(filter.to) + 1))}`);
    const from = `FROM service_case sc LEFT JOIN ${CalendarSql.clock('ck')} ON ck.id = ${RUNNING_CLOCK} WHERE ${where.join(' AND ')}`;
    // $1 (now) is only used by the ordering query; the count names its type so PostgreSQL accepts it unused.
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total ${from} AND $1::timestamptz IS NOT NULL`,
      params,
    );
    const rows = await this.dataSource.query<SummaryRow[]>(
      `SELECT ${SUMMARY_COLUMNS}
       ${from} ORDER BY ${QUEUE_ORDER}
       ${paging.sql(params)}`,
      params,
    );
    return paging.of(rows.map(toSummary), total);
  }

  /** Counts per queue with how many are in warning or overdue: the badges of the work queue. */
  async counts(p: Principal): Promise<CaseQueueCountsDto[]> {
    const params: unknown[] = [this.clock.now()];
    const dept = DepartmentScope.filter(p, undefined);
    const scope = dept ? `AND sc.department_id = $${params.push(dept)}` : '';
    const parts = Object.values(CaseQueue).map(
      (
        queue,
      ) => `SELECT '${queue}' AS queue, count(*)::int AS total, count(*) FILTER (WHERE standing = 'WARNING')::int AS warning,
                  count(*) FILTER (WHERE standing = 'OVERDUE')::int AS overdue
                  FROM (SELECT ${STANDING_SQL} AS standing FROM service_case sc LEFT JOIN ${CalendarSql.clock('ck')} ON ck.id = ${RUNNING_CLOCK}
                        WHERE ${this.queueSql(queue)} ${scope}) x`,
    );
    return this.dataSource.query(parts.join(' UNION ALL '), params);
  }

  /** The parts of bundles, each with its running clock and notices, in the order they were opened (needs now). */
  async bundleParts(m: EntityManager, bundleIds: string[], now: Date): Promise<BundlePartRow[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT sc.id, sc.bundle_id, sc.matter_code, sc.matter_name, sc.department_id, d.name AS department_name, sc.receipt_no,
              sc.case_no, sc.state, sc.applicant_name, sc.approved, sc.certificate_no, sc.delivered_at,
              ${CalendarSql.openDueAt('ck')} AS due_at, ${STANDING_SQL} AS standing, ck.subject_kind, ck.state AS clock_state,
              (${caseNoticesJson('sc.id')}) AS notices
       FROM service_case sc JOIN ${OrganizationSql.department('d')} ON d.id = sc.department_id
       LEFT JOIN ${CalendarSql.clock('ck')} ON ck.id = ${RUNNING_CLOCK}
       WHERE sc.bundle_id = ANY($2::uuid[]) ORDER BY sc.created_at, sc.id`,
      [now, bundleIds],
    );
    return rows.map((r) => {
      const subject = r.subject_kind as keyof typeof CLOCK_SUBJECT_LABELS | null;
      return {
        caseId: r.id as string,
        bundleId: r.bundle_id as string,
        matterCode: r.matter_code as string,
        matterName: r.matter_name as string,
        departmentId: r.department_id as string,
        departmentName: r.department_name as string,
        receiptNo: r.receipt_no as string | null,
        caseNo: r.case_no as string | null,
        state: r.state as CaseState,
        applicantName: r.applicant_name as string,
        dueAt: isoOrNull(r.due_at as string | null),
        dueLabel: subject
          ? `${CLOCK_SUBJECT_LABELS[subject]}${r.clock_state === 'PAUSED' ? '（暂停计时）' : ''}`
          : null,
        standing: r.standing as ClockStanding,
        approved: r.approved as boolean | null,
        certificateNo: r.certificate_no as string | null,
        deliveredAt: isoOrNull(r.delivered_at as string | null),
        notices: (r.notices as { id: string; kind: CaseNoticeKind; createdAt: string }[]).map((n) => ({
          ...n,
          createdAt: isoOrNull(n.createdAt)!,
        })),
      };
    });
  }

  /** A bundle's parts' materials by `caseId:materialIndex`: what each item of the combined form stands at. */
  async bundleMaterials(
    m: EntityManager,
    bundleId: string,
  ): Promise<Map<string, { status: CaseMaterialDto['status']; fileName: string | null }>> {
    const rows: {
      case_id: string;
      material_index: number;
      status: CaseMaterialDto['status'];
      file_name: string | null;
    }[] = await m.query(
      `SELECT cm.case_id, cm.material_index, cm.status, cm.file_name FROM case_material cm
         JOIN service_case sc ON sc.id = cm.case_id WHERE sc.bundle_id = $1`,
      [bundleId],
    );
    return new Map(rows.map((r) => [`${r.case_id}:${r.material_index}`, { status: r.status, fileName: r.file_name }]));
  }

  /** The applicant's own receipts and cases, drafts included. */
  async mine(p: Principal): Promise<CaseSummaryDto[]> {
    const rows = await this.dataSource.query<SummaryRow[]>(
      `SELECT ${SUMMARY_COLUMNS}
       FROM service_case sc LEFT JOIN ${CalendarSql.clock('ck')} ON ck.id = ${RUNNING_CLOCK}
       WHERE sc.applicant_account_id = $2 ORDER BY sc.created_at DESC LIMIT 200`,
      [this.clock.now(), p.id],
    );
    return rows.map(toSummary);
  }

  /** One case in full, everything under it and its clocks included, in one query. */
  async get(p: Principal, id: string): Promise<CaseDto> {
    const m = this.dataSource.manager;
    const [row] = await m.query(
      `SELECT ${EntityRows.columns(m, CaseEntity, 'sc')}, ${CASE_PARTS}${this.extensions.columns()},
              ${CalendarSql.clocksJson(this.extensions.clockIds('sc.acceptance_clock_id, sc.case_clock_id, sc.delivery_clock_id'))} AS clocks,
              ${CalendarSql.REVISION} AS calendar_revision, ${this.extensions.readers()} AS readers
       FROM service_case sc WHERE sc.id = $1`,
      [id],
    );
    if (!row) throw CaseErrors.notFound();
    const c = EntityRows.entity(m, CaseEntity, row);
    CaseAccess.read(p, c, row.readers as string[]);
    return this.toDto(m, c, row, p.kind !== PrincipalKind.APPLICANT); // staff and departments' systems
  }

  /** A case's row for a module above acceptance, which checks who may see it by its own rule (fees: the counter). */
  async entity(id: string, m: EntityManager = this.dataSource.manager): Promise<CaseEntity> {
    const c = await m.findOneBy(CaseEntity, { id });
    if (!c) throw CaseErrors.notFound();
    return c;
  }

  /** The case, when the principal may read it (its readers from the extensions included). */
  private async readable(p: Principal, id: string): Promise<CaseEntity> {
    const m = this.dataSource.manager;
    const [row] = await m.query(
      `SELECT ${EntityRows.columns(m, CaseEntity, 'sc')}, ${this.extensions.readers()} AS readers FROM service_case sc WHERE sc.id = $1`,
      [id],
    );
    if (!row) throw CaseErrors.notFound();
    const c = EntityRows.entity(m, CaseEntity, row);
    CaseAccess.read(p, c, row.readers as string[]);
    return c;
  }

  /** An uploaded material of a case the principal may read. */
  async materialFile(p: Principal, caseId: string, index: number) {
    await this.readable(p, caseId);
    const mat = await this.dataSource.manager.findOneBy(CaseMaterialEntity, { caseId, materialIndex: index });
    if (!mat) throw CaseErrors.materialUnknown(index);
    if (!mat.fileId) throw FileErrors.notFound();
    return this.files.read(mat.fileId, CASE_MATERIAL_FILE.purpose);
  }

  async notice(p: Principal, caseId: string, noticeId: string) {
    await this.readable(p, caseId);
    return this.notices.render(this.dataSource.manager, caseId, noticeId);
  }

  /**
   * Without login: the number (case or receipt) and the query code; names masked, no ID or phone at all.
   * One query, as citizens and departments' systems poll it.
   */
  async progress(no: string, code: string): Promise<PublicProgressDto> {
    const [r] = await this.dataSource.query(
      `SELECT sc.receipt_no, sc.case_no, sc.matter_name, sc.applicant_name, sc.state, sc.received_at,
              ck.due_at, ck.state AS clock_state, ck.subject_kind,
              (SELECT coalesce(json_agg(json_build_object('action', s.action, 'at', s.at, 'resultCode', s.result_code) ORDER BY s.seq), '[]')
                 FROM case_step s WHERE s.case_id = sc.id AND s.action <> 'SAVE_DRAFT') AS steps,
              (${caseNoticesJson('sc.id')}) AS notices${this.extensions.columns('progressParts')}
       FROM service_case sc LEFT JOIN ${CalendarSql.clock('ck')} ON ck.id = ${RUNNING_CLOCK} AND ck.state <> 'STOPPED'
       WHERE (sc.case_no = $1 OR sc.receipt_no = $1) AND sc.query_code = $2`,
      [no.trim().toUpperCase(), code.trim().toUpperCase()],
    );
    if (!r) throw CaseErrors.progressNotFound();
    const subject = r.subject_kind as keyof typeof CLOCK_SUBJECT_LABELS | null;
    return {
      receiptNo: r.receipt_no,
      caseNo: r.case_no,
      matterName: r.matter_name,
      applicantName: maskName(r.applicant_name),
      state: r.state,
      stateLabel: CASE_STATE_LABELS[r.state as CaseState],
      receivedAt: isoOrNull(r.received_at),
      dueDate: r.due_at ? formatDeadline(new Date(r.due_at)) : null,
      dueLabel: subject ? `${CLOCK_SUBJECT_LABELS[subject]}${r.clock_state === 'PAUSED' ? '（暂停计时）' : ''}` : null,
      dueSubject: subject,
      duePaused: !!subject && r.clock_state === 'PAUSED',
      steps: (r.steps as { action: CaseAction; at: string; resultCode: StepResultCode | null }[]).map((x) => ({
        action: x.action,
        label: CASE_ACTION_LABELS[x.action],
        at: new Date(x.at).toISOString(),
        resultCode: x.resultCode,
        result: x.resultCode ? STEP_RESULT_LABELS[x.resultCode] : null,
      })),
      notices: (r.notices as { id: string; kind: CaseNoticeKind; createdAt: string }[]).map((n) => ({
        id: n.id,
        kind: n.kind,
        title: CASE_NOTICE_LABELS[n.kind],
        createdAt: new Date(n.createdAt).toISOString(),
      })),
      coDepartments: (
        (r.coDepartments ?? []) as { departmentName: string; state: SubtaskState; endedAt: string | null }[]
      ).map((d) => ({ ...d, stateLabel: SUBTASK_STATE_LABELS[d.state], endedAt: isoOrNull(d.endedAt) })),
    };
  }

  async progressNotice(no: string, code: string, noticeId: string) {
    const c = await this.byNumber(no, code);
    return this.notices.render(this.dataSource.manager, c.id, noticeId);
  }

  /** The case a receipt or case number and its query code open (the public progress page, an online rating). */
  byProgressCode(no: string, code: string): Promise<CaseEntity> {
    return this.byNumber(no, code);
  }

  private async byNumber(no: string, code: string): Promise<CaseEntity> {
    const c = await this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('sc')
      .where('(sc.case_no = :no OR sc.receipt_no = :no) AND sc.query_code = :code', {
        no: no.trim().toUpperCase(),
        code: code.trim().toUpperCase(),
      })
      .getOne();
    if (!c) throw CaseErrors.progressNotFound();
    return c;
  }

  private async toDto(m: EntityManager, c: CaseEntity, parts: CaseParts, staffView: boolean): Promise<CaseDto> {
    const clocks = await this.clocks.dtosFromJson(m, parts.clocks, parts.calendar_revision);
    const clockOf = (id: string | null): ClockDto | null => (id ? (clocks.get(id) ?? null) : null);
    const now = this.clock.now();
    return {
      id: c.id,
      receiptNo: c.receiptNo,
      caseNo: c.caseNo,
      queryCode: c.queryCode,
      matterCode: c.matterCode,
      matterName: c.matterName,
      matterVersionNo: c.matterVersionNo,
      handlingKind: c.handlingKind,
      departmentId: c.departmentId,
      channel: c.channel,
      state: c.state,
      applicant: applicantView(c, this.cipher, staffView),
      projectCode: c.projectCode,
      keyProject: parts.key_project,
      bundle: parts.bundle,
      materials: parts.materials.map((x) => ({ ...x, suppliedAt: isoOrNull(x.suppliedAt) })),
      receivedAt: c.receivedAt?.toISOString() ?? null,
      acceptedAt: c.acceptedAt?.toISOString() ?? null,
      deemedAccepted: c.deemedAccepted,
      deferredPromiseDate: c.deferredPromiseDate,
      deferredPromiseMissed: c.deferredPromiseMissed,
      supplementItems: c.supplementItems,
      decision: c.decidedAt
        ? {
            approved: !!c.approved,
            reason: c.decisionReason ?? '',
            legalBasis: c.decisionBasis,
            decidedAt: c.decidedAt.toISOString(),
          }
        : null,
      forwarding:
        c.forwardedTo && c.forwardedAt
          ? { authority: c.forwardedTo, forwardedAt: c.forwardedAt.toISOString(), documentNo: c.forwardDocumentNo }
          : null,
      delivery: c.deliveredAt
        ? {
            method: c.deliveryMethod!,
            carrier: c.deliveryCarrier,
            trackingNo: c.deliveryTrackingNo,
            certificateNo: c.certificateNo,
            deliveredAt: c.deliveredAt.toISOString(),
          }
        : null,
      completionCode: c.completionCode,
      pendingExtension: c.pendingExtension
        ? {
            days: c.pendingExtension.days,
            reason: c.pendingExtension.reason,
            requestedByName: c.pendingExtension.requestedByName,
            requestedAt: c.pendingExtension.requestedAt,
          }
        : null,
      acceptanceClock: clockOf(c.acceptanceClockId),
      caseClock: clockOf(c.caseClockId),
      deliveryClock: clockOf(c.deliveryClockId),
      tasks: (parts.tasks ?? []).map((t) => ({ ...t, completedAt: isoOrNull(t.completedAt) })),
      subtasks: (parts.subtasks ?? []).map((t) => ({
        ...t,
        // The applicant follows each department's part; who in it gave which opinion is the staff's record.
        ...(staffView
          ? {}
          : { endedByName: null, answeredByName: null, opinion: null, conditions: null, answer: null }),
        clock: clockOf(t.clockId),
        standing: clockStanding(clockOf(t.clockId), now),
        openedAt: isoOrNull(t.openedAt)!,
        endedAt: isoOrNull(t.endedAt),
        answeredAt: isoOrNull(t.answeredAt),
      })),
      inspections: (parts.inspections ?? []).map((i) => ({
        ...i,
        arrangedAt: isoOrNull(i.arrangedAt)!,
        completedAt: isoOrNull(i.completedAt),
        parts: i.parts.map((x) => ({ ...x, recordedAt: isoOrNull(x.recordedAt) })),
      })),
      steps: parts.steps.map((s) => ({ ...s, at: isoOrNull(s.at)! })),
      notices: parts.notices.map((n) => ({
        ...n,
        title: CASE_NOTICE_LABELS[n.kind],
        createdAt: isoOrNull(n.createdAt)!,
      })),
      allowedActions: [...CASE_TRANSITIONS[c.state]],
      version: c.version,
    };
  }
}

/** A queue row as SUMMARY_COLUMNS read it. */
interface SummaryRow {
  id: string;
  receipt_no: string | null;
  case_no: string | null;
  matter_name: string;
  department_id: string;
  applicant_name: string;
  channel: CaseSummaryDto['channel'];
  state: CaseSummaryDto['state'];
  received_at: Date | string | null;
  due_at: Date | string | null;
  standing: ClockStanding;
  green_channel: boolean;
  bundle_id: string | null;
}

function toSummary(r: SummaryRow): CaseSummaryDto {
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    caseNo: r.case_no,
    matterName: r.matter_name,
    departmentId: r.department_id,
    applicantName: r.applicant_name,
    channel: r.channel,
    state: r.state,
    receivedAt: isoOrNull(r.received_at),
    dueAt: isoOrNull(r.due_at),
    standing: r.standing,
    greenChannel: r.green_channel,
    bundleId: r.bundle_id,
  };
}
