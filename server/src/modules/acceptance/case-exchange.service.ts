import { Injectable } from '@nestjs/common';
import {
  CASE_ACTION_LABELS,
  type CaseAction,
  COMPLETION_CODE_LABELS,
  type CompletionCode,
  EXCHANGE_FORMAT,
  type ExchangeCaseDto,
  type ExchangeExportDto,
  type ExchangeQuery,
  type ExchangeStepDto,
  STEP_RESULT_LABELS,
  SUBTASK_RESULT_CODE,
  type SubtaskState,
  type StepResultCode,
} from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { CaseExtensions } from './case-extensions.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { isoOrNull } from '../../platform/database/sql-values.js';
import { dayPeriod } from '../../platform/http/day-period.js';
import { OrganizationSql } from '../organization/organization.module.js';
import { EXPORT_PAGE_SIZE, Paging } from '../../platform/http/paging.js';

export const EXCHANGE_MAX_DAYS = 31;

/**
 * Cases with a step in [$1, $2). Step times are not indexed (that would cost every step written, in the hot
 * path of acceptance); an export, a few times a month, looks at each case's steps through their case index.
 */
const EXCHANGE_SQL = `
  FROM service_case sc JOIN ${OrganizationSql.department('d')} ON d.id = sc.department_id
  WHERE sc.state <> 'DRAFT' AND EXISTS (SELECT 1 FROM case_step s WHERE s.case_id = sc.id AND s.at >= $1 AND s.at < $2)`;

/**
 * The case step records in the national e-supervision exchange code sets (DOMAIN.md §6), for the provincial
 * platform: step result codes (0 不同意 … 7 退回) and completion codes (0 出证 … 6 办结). Names of applicants,
 * ID numbers and phones are not part of the exchange.
 */
@Injectable()
export class CaseExchangeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
    private readonly extensions: CaseExtensions,
  ) {}

  async export(q: ExchangeQuery): Promise<ExchangeExportDto> {
    const { start, end } = dayPeriod(q.from, q.to, EXCHANGE_MAX_DAYS);
    const paging = Paging.of(q, EXPORT_PAGE_SIZE);
    const period = [start, end];
    const pageParams = [...period];
    const limit = paging.sql(pageParams);
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(`SELECT count(*)::int AS total ${EXCHANGE_SQL}`, period),
      this.dataSource.query<ExchangeRow[]>(
        `SELECT sc.case_no, sc.receipt_no, sc.matter_code, sc.matter_version_no, sc.matter_name, d.code AS department_code, d.credit_code, d.name AS department_name,
                sc.channel, sc.applicant_kind, sc.received_at, sc.accepted_at, sc.deemed_accepted, sc.decided_at, sc.completed_at, sc.completion_code,
                (SELECT json_agg(json_build_object('seq', s.seq, 'action', s.action, 'resultCode', s.result_code, 'actorName', s.actor_name,
                          'actingForName', s.acting_for_name, 'at', s.at, 'opinion', s.opinion) ORDER BY s.seq)
                   FROM case_step s WHERE s.case_id = sc.id AND s.action <> 'SAVE_DRAFT') AS steps${this.extensions.columns('exchangeParts')}
         ${EXCHANGE_SQL}
         ORDER BY sc.received_at, sc.id ${limit}`,
        pageParams,
      ),
    ]);
    return {
      format: EXCHANGE_FORMAT,
      generatedAt: this.clock.now().toISOString(),
      from: q.from,
      to: q.to,
      codeSets: { stepResult: STEP_RESULT_LABELS, completion: COMPLETION_CODE_LABELS },
      page: paging.page,
      pageSize: paging.pageSize,
      total,
      cases: rows.map(toExchangeCase),
    };
  }
}

/** A case as the exchange export's query reads it, its steps aggregated as JSON. */
interface ExchangeRow {
  case_no: string | null;
  receipt_no: string | null;
  matter_code: string;
  matter_version_no: number;
  matter_name: string;
  department_code: string;
  credit_code: string;
  department_name: string;
  channel: ExchangeCaseDto['channel'];
  applicant_kind: ExchangeCaseDto['applicantKind'];
  received_at: Date | string | null;
  accepted_at: Date | string | null;
  deemed_accepted: boolean;
  decided_at: Date | string | null;
  completed_at: Date | string | null;
  completion_code: CompletionCode | null;
  steps:
    | (Omit<ExchangeStepDto, 'actionLabel' | 'resultLabel'> & {
        action: CaseAction;
        resultCode: StepResultCode | null;
      })[]
    | null;
  /** From the approval extension. */
  subtasks?: {
    departmentCode: string;
    departmentName: string;
    state: SubtaskState;
    actorName: string | null;
    at: string;
    opinion: string | null;
  }[];
}

function toExchangeCase(r: ExchangeRow): ExchangeCaseDto {
  const code = r.completion_code;
  return {
    caseNo: r.case_no,
    receiptNo: r.receipt_no,
    matterCode: r.matter_code,
    matterVersionNo: r.matter_version_no,
    matterName: r.matter_name,
    departmentCode: r.department_code,
    departmentCreditCode: r.credit_code,
    departmentName: r.department_name,
    channel: r.channel,
    applicantKind: r.applicant_kind,
    receivedAt: isoOrNull(r.received_at),
    acceptedAt: isoOrNull(r.accepted_at),
    deemedAccepted: r.deemed_accepted,
    decidedAt: isoOrNull(r.decided_at),
    completedAt: isoOrNull(r.completed_at),
    completionCode: code,
    completionLabel: code ? COMPLETION_CODE_LABELS[code] : null,
    steps: (r.steps ?? []).map((s) => ({
      seq: s.seq,
      action: s.action,
      actionLabel: CASE_ACTION_LABELS[s.action],
      resultCode: s.resultCode,
      resultLabel: s.resultCode ? STEP_RESULT_LABELS[s.resultCode] : null,
      actorName: s.actorName,
      actingForName: s.actingForName,
      at: isoOrNull(s.at)!,
      opinion: s.opinion,
    })),
    subtasks: (r.subtasks ?? []).flatMap((t) => {
      const resultCode = SUBTASK_RESULT_CODE[t.state];
      return resultCode
        ? [
            {
              departmentCode: t.departmentCode,
              departmentName: t.departmentName,
              resultCode,
              resultLabel: STEP_RESULT_LABELS[resultCode],
              deemed: t.state === 'DEEMED_APPROVED',
              actorName: t.actorName,
              at: isoOrNull(t.at)!,
              opinion: t.opinion,
            },
          ]
        : [];
    }),
  };
}
