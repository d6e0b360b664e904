import { Inject, Injectable } from '@nestjs/common';
import {
  CardReason,
  DIFFERENCE_KIND_LABELS,
  type DifferenceKind,
  type Page,
  parseYuan,
  type ReconciliationDto,
  type ReconciliationItemDto,
  type StatementMapping,
  dayNumber,
  shanghaiDay,
  startOfShanghaiDay,
  yuanText,
} from '@onewindow/shared';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { ShanghaiSql } from '../../platform/database/shanghai-sql.js';
import { addSheet, newWorkbook, workbookBytes } from '../../platform/documents/workbook.js';
import { Paging } from '../../platform/http/paging.js';
import { CalendarService } from '../calendar/calendar.module.js';
import { CardService } from '../supervision/supervision.module.js';
import { BankStatementEntity, ReconciliationItemEntity } from './fees.entities.js';
import { FeeErrors } from './fees.exception.js';

const KINDS: DifferenceKind[] = ['BANK_ONLY', 'LOCAL_ONLY', 'AMOUNT_MISMATCH', 'DATE_MISMATCH'];
/** Lines written per statement while importing (bound as arrays, so one round trip each). */
const CHUNK = 10_000;
const MAX_LINES = 200_000;

export interface StatementUpload {
  date: string;
  fileName: string;
  mediaType: string | undefined;
  body: unknown;
  mapping: StatementMapping;
}

interface Line {
  txn: string;
  amountFen: number;
  paidAt: Date;
  code: string | null;
}

/** "2026-12-03 10:15:00" (Beijing time, as banks write it) or an ISO instant. */
function parseTime(text: string): Date | null {
  const t = text.trim();
  const local = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})?$/.exec(t);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}+08:00`);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(t)) {
    const at = new Date(t);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  return null;
}

/**
 * 对账: a day's bank statement (CSV or Excel, in the bank's own columns named by a mapping) matched against the
 * payments confirmed here, in the database: the lines are written beside the statement and one statement classifies
 * every transaction (matched, at the bank only, here only, amount or date not the same). Each difference stays open
 * until resolved with a note; one still open after `FEES_RECONCILIATION_DAYS` working days is carded to the finance
 * office that imported it.
 */
@Injectable()
export class ReconciliationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly cards: CardService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The statement's rows as header → cell text maps. */
  private async rows(u: StatementUpload): Promise<Record<string, string>[]> {
    const type = u.mediaType?.split(';')[0].trim();
    if (type === 'text/csv') {
      const text = typeof u.body === 'string' ? u.body : Buffer.isBuffer(u.body) ? u.body.toString('utf8') : '';
      if (text.includes('\u0000')) throw FeeErrors.statementInvalid('对账单含有非法字符');
      try {
        return parseCsv<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
          columns: true,
          skip_empty_lines: true,
          trim: true,
        });
      } catch (e) {
        throw FeeErrors.statementInvalid(`对账单不是有效的 CSV：${(e as Error).message.slice(0, 200)}`);
      }
    }
    if (type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' && Buffer.isBuffer(u.body)) {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(u.body as unknown as ArrayBuffer);
      } catch {
        throw FeeErrors.statementInvalid('对账单不是有效的 Excel 文件');
      }
      const ws = wb.worksheets[0];
      if (!ws) throw FeeErrors.statementInvalid('对账单没有工作表');
      const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
      const out: Record<string, string>[] = [];
      ws.eachRow((row, i) => {
        if (i === 1) return;
        const rec: Record<string, string> = {};
        (row.values as unknown[]).forEach((v, c) => {
          if (header[c]) rec[header[c]] = v instanceof Date ? v.toISOString() : String(v ?? '').trim();
        });
        out.push(rec);
      });
      return out;
    }
    throw FeeErrors.statementInvalid('对账单须为 CSV（text/csv）或 Excel（.xlsx）文件');
  }

  private lines(rows: Record<string, string>[], map: StatementMapping): Line[] {
    if (!rows.length) throw FeeErrors.statementInvalid('对账单没有交易行');
    if (rows.length > MAX_LINES) throw FeeErrors.statementInvalid(`对账单最多 ${MAX_LINES} 行`);
    const missing = [map.bankTransactionId, map.amount, map.paidAt].filter((h) => !(h in rows[0]));
    if (missing.length)
      throw FeeErrors.statementInvalid(`对账单缺少列：${missing.join('、')}（请检查列名对应设置）`, {
        columns: Object.keys(rows[0]),
      });
    const problems: string[] = [];
    const seen = new Set<string>();
    const out: Line[] = [];
    rows.forEach((r, i) => {
      const lineNo = i + 2;
      const txn = (r[map.bankTransactionId] ?? '').trim();
      const amountFen = parseYuan(r[map.amount] ?? '');
      const paidAt = parseTime(r[map.paidAt] ?? '');
      const code = map.paymentCode ? (r[map.paymentCode] ?? '').replace(/\s/g, '') || null : null;
      if (!txn || txn.length > 64) problems.push(`第 ${lineNo} 行：交易流水号为空或过长`);
      else if (seen.has(txn)) problems.push(`第 ${lineNo} 行：交易流水号 ${txn} 重复`);
      if (amountFen === null) problems.push(`第 ${lineNo} 行：金额“${r[map.amount] ?? ''}”不是有效金额`);
      if (!paidAt) problems.push(`第 ${lineNo} 行：交易时间“${r[map.paidAt] ?? ''}”无法识别`);
      if (code && code.length > 20) problems.push(`第 ${lineNo} 行：缴款码过长`);
      seen.add(txn);
      if (txn && amountFen !== null && paidAt) out.push({ txn, amountFen, paidAt, code });
    });
    if (problems.length)
      throw FeeErrors.statementInvalid(`对账单有 ${problems.length} 处错误，未导入：${problems[0]}`, {
        lines: problems.slice(0, 50),
      });
    return out;
  }

  async import(actor: RequestActor, u: StatementUpload): Promise<ReconciliationDto> {
    const lines = this.lines(await this.rows(u), u.mapping);
    const day = dayNumber(u.date);
    if (day > shanghaiDay(this.clock.now())) throw FeeErrors.statementInvalid('不能导入未来日期的对账单');
    const id = await this.dataSource.transaction(async (m) => {
      if (await m.existsBy(BankStatementEntity, { statementDate: u.date })) throw FeeErrors.statementExists(u.date);
      const s = await m.save(
        m.create(BankStatementEntity, {
          statementDate: u.date,
          fileName: u.fileName.slice(0, 200),
          importedAt: this.clock.now(),
          importedByName: actor.principal!.name,
          departmentId: actor.principal!.departmentId!,
          bankLines: lines.length,
          bankTotalFen: lines.reduce((t, l) => t + l.amountFen, 0),
          localPayments: 0,
          localTotalFen: 0,
          matched: 0,
        }),
      );
      for (let i = 0; i < lines.length; i += CHUNK) {
        const part = lines.slice(i, i + CHUNK);
        await m.query(
          `INSERT INTO bank_statement_line (statement_id, bank_transaction_id, amount_fen, paid_at, payment_code)
           SELECT $1, t, a, p, c FROM unnest($2::text[], $3::bigint[], $4::timestamptz[], $5::text[]) AS x(t, a, p, c)`,
          [
            s.id,
            part.map((l) => l.txn),
            part.map((l) => l.amountFen),
            part.map((l) => l.paidAt),
            part.map((l) => l.code),
          ],
        );
      }
      await this.classify(m, s.id, u.date);
      await this.audit.record(m, actor, {
        action: 'fees.statement_imported',
        targetType: 'bank_statement',
        targetId: s.id,
        summary: { date: u.date, fileName: s.fileName, lines: lines.length },
      });
      return s.id;
    });
    return this.get(id);
  }

  /** One statement: the day's payments and the statement's lines joined on the bank's transaction id. */
  private async classify(m: EntityManager, statementId: string, date: string): Promise<void> {
    const from = startOfShanghaiDay(dayNumber(date));
    const to = startOfShanghaiDay(dayNumber(date) + 1);
    await m.query(
      `WITH l AS (SELECT bank_transaction_id, amount_fen, paid_at, payment_code FROM bank_statement_line WHERE statement_id = $1),
       p AS (SELECT fp.id, fp.bank_transaction_id, fp.amount_fen, fp.paid_at, n.payment_code
             FROM fee_payment fp JOIN payment_notice n ON n.id = fp.notice_id
             WHERE (fp.paid_at >= $2 AND fp.paid_at < $3)
                OR fp.bank_transaction_id IN (SELECT bank_transaction_id FROM l)),
       k AS (SELECT coalesce(l.bank_transaction_id, p.bank_transaction_id) AS txn,
                    coalesce(l.payment_code, p.payment_code) AS code,
                    l.amount_fen AS bank_amount, p.amount_fen AS local_amount, l.paid_at AS bank_paid, p.paid_at AS local_paid,
                    p.id AS payment_id,
                    CASE WHEN p.id IS NULL THEN 'BANK_ONLY'
                         WHEN l.bank_transaction_id IS NULL THEN 'LOCAL_ONLY'
                         WHEN l.amount_fen <> p.amount_fen THEN 'AMOUNT_MISMATCH'
                         WHEN ${ShanghaiSql.dateOf('l.paid_at')} <> ${ShanghaiSql.dateOf('p.paid_at')} THEN 'DATE_MISMATCH'
                    END AS kind,
                    (p.paid_at >= $2 AND p.paid_at < $3) AS local_today
             FROM l FULL JOIN p ON p.bank_transaction_id = l.bank_transaction_id),
       ins AS (INSERT INTO reconciliation_item (statement_id, kind, bank_transaction_id, payment_code, bank_amount_fen,
                 local_amount_fen, bank_paid_at, local_paid_at, payment_id)
               SELECT $1, kind, txn, code, bank_amount, local_amount, bank_paid, local_paid, payment_id FROM k
               WHERE kind IS NOT NULL RETURNING 1)
       UPDATE bank_statement SET
         matched = (SELECT count(*) FROM k WHERE kind IS NULL),
         local_payments = (SELECT count(*) FROM k WHERE local_today),
         local_total_fen = (SELECT coalesce(sum(local_amount), 0) FROM k WHERE local_today)
       WHERE id = $1 AND (SELECT count(*) FROM ins) >= 0`,
      [statementId, from, to],
    );
  }

  async list(q: { page?: number; pageSize?: number }): Promise<Page<ReconciliationDto>> {
    const paging = Paging.of(q);
    const [rows, total] = await this.dataSource.manager.findAndCount(BankStatementEntity, {
      order: { statementDate: 'DESC' },
      ...paging.skipTake,
    });
    return paging.of(await this.dtos(rows), total);
  }

  async get(id: string): Promise<ReconciliationDto> {
    const s = await this.dataSource.manager.findOneBy(BankStatementEntity, { id });
    if (!s) throw FeeErrors.statementNotFound();
    return (await this.dtos([s]))[0];
  }

  private async dtos(rows: BankStatementEntity[]): Promise<ReconciliationDto[]> {
    if (!rows.length) return [];
    const counts = await this.dataSource.query<
      { statement_id: string; kind: DifferenceKind; n: number; open: number }[]
    >(
      `SELECT statement_id, kind, count(*)::int AS n, count(*) FILTER (WHERE resolved_at IS NULL)::int AS open
       FROM reconciliation_item WHERE statement_id = ANY($1) GROUP BY statement_id, kind`,
      [rows.map((r) => r.id)],
    );
    return rows.map((s) => {
      const mine = counts.filter((c) => c.statement_id === s.id);
      return {
        id: s.id,
        statementDate: s.statementDate,
        fileName: s.fileName,
        importedAt: s.importedAt.toISOString(),
        importedByName: s.importedByName,
        bankLines: s.bankLines,
        bankTotalFen: Number(s.bankTotalFen),
        localPayments: s.localPayments,
        localTotalFen: Number(s.localTotalFen),
        matched: s.matched,
        differences: Object.fromEntries(KINDS.map((k) => [k, mine.find((c) => c.kind === k)?.n ?? 0])) as Record<
          DifferenceKind,
          number
        >,
        unresolved: mine.reduce((t, c) => t + c.open, 0),
      };
    });
  }

  async items(
    id: string,
    q: { kind?: DifferenceKind; open?: boolean; page?: number; pageSize?: number },
  ): Promise<Page<ReconciliationItemDto>> {
    await this.get(id);
    const paging = Paging.of(q);
    const qb = this.dataSource.manager
      .createQueryBuilder(ReconciliationItemEntity, 'i')
      .where('i.statement_id = :id', { id })
      .orderBy('i.kind')
      .addOrderBy('i.bank_transaction_id');
    if (q.kind) qb.andWhere('i.kind = :kind', { kind: q.kind });
    if (q.open) qb.andWhere('i.resolved_at IS NULL');
    const [rows, total] = await qb.skip(paging.offset).take(paging.pageSize).getManyAndCount();
    return paging.of(rows.map(toItemDto), total);
  }

  async resolve(actor: RequestActor, itemId: string, note: string): Promise<ReconciliationItemDto> {
    return this.dataSource.transaction(async (m) => {
      const i = await m.findOne(ReconciliationItemEntity, {
        where: { id: itemId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!i) throw FeeErrors.differenceNotFound();
      if (i.resolvedAt) throw FeeErrors.differenceResolved();
      Object.assign(i, {
        resolvedAt: this.clock.now(),
        resolvedByName: actor.principal!.name,
        resolutionNote: note.trim(),
      });
      await m.save(i);
      await this.audit.record(m, actor, {
        action: 'fees.difference_resolved',
        targetType: 'reconciliation_item',
        targetId: i.id,
        summary: { kind: i.kind, bankTransactionId: i.bankTransactionId, note: i.resolutionNote },
      });
      return toItemDto(i);
    });
  }

  async workbook(id: string): Promise<{ fileName: string; bytes: Buffer }> {
    const s = await this.get(id);
    const items = await this.dataSource.manager.find(ReconciliationItemEntity, {
      where: { statementId: id },
      order: { kind: 'ASC', bankTransactionId: 'ASC' },
    });
    const wb = newWorkbook(this.clock.now());
    const sum = addSheet(wb, '汇总', [
      { header: '项目', width: 24 },
      { header: '数值', width: 20 },
    ]);
    sum.addRows([
      ['对账日期', s.statementDate],
      ['银行流水笔数', s.bankLines],
      ['银行流水金额（元）', yuanText(s.bankTotalFen)],
      ['本系统缴款笔数', s.localPayments],
      ['本系统缴款金额（元）', yuanText(s.localTotalFen)],
      ['一致', s.matched],
      ...KINDS.map((k) => [DIFFERENCE_KIND_LABELS[k], s.differences[k]]),
      ['未处理差异', s.unresolved],
    ]);
    const ws = addSheet(wb, '差异明细', [
      { header: '差异类型', width: 18 },
      { header: '交易流水号', width: 26 },
      { header: '缴款码', width: 24 },
      { header: '银行金额（元）', width: 16 },
      { header: '本系统金额（元）', width: 16 },
      { header: '银行交易时间', width: 22 },
      { header: '本系统缴款时间', width: 22 },
      { header: '处理', width: 40 },
    ]);
    ws.addRows(
      items.map((i) => [
        DIFFERENCE_KIND_LABELS[i.kind],
        i.bankTransactionId,
        i.paymentCode ?? '',
        i.bankAmountFen === null ? '' : yuanText(Number(i.bankAmountFen)),
        i.localAmountFen === null ? '' : yuanText(Number(i.localAmountFen)),
        i.bankPaidAt?.toISOString() ?? '',
        i.localPaidAt?.toISOString() ?? '',
        i.resolvedAt ? `${i.resolvedByName}：${i.resolutionNote}` : '未处理',
      ]),
    );
    return { fileName: `对账-${s.statementDate}.xlsx`, bytes: await workbookBytes(wb) };
  }

  /**
   * Cards the finance office for every statement with a difference still open `reconciliationDays` working days
   * after its date, once per difference (`carded_at`). Run by the fees scheduler with the sweep.
   */
  async cardOverdue(): Promise<number> {
    const now = this.clock.now();
    const cal = await this.calendar.calendar();
    const today = shanghaiDay(now);
    const open = await this.dataSource.query<{ id: string; statement_date: string; department_id: string }[]>(
      `SELECT i.id, s.statement_date::text AS statement_date, s.department_id
       FROM reconciliation_item i JOIN bank_statement s ON s.id = i.statement_id
       WHERE i.resolved_at IS NULL AND i.carded_at IS NULL`,
    );
    const late = open.filter(
      (r) =>
        this.calendar.guard(() =>
          cal.addWorkingDays(dayNumber(r.statement_date), this.config.fees.reconciliationDays),
        ) < today,
    );
    if (!late.length) return 0;
    const byDept = new Map<string, string[]>();
    for (const r of late) byDept.set(r.department_id, [...(byDept.get(r.department_id) ?? []), r.id]);
    await this.dataSource.transaction(async (m) => {
      for (const [departmentId, ids] of byDept) {
        await this.cards.violation(m, {
          reason: CardReason.RECON_UNRESOLVED,
          caseId: null,
          departmentId,
          crossedAt: now,
        });
        await m.query(`UPDATE reconciliation_item SET carded_at = $2 WHERE id = ANY($1) AND carded_at IS NULL`, [
          ids,
          now,
        ]);
      }
    });
    return late.length;
  }
}

function toItemDto(i: ReconciliationItemEntity): ReconciliationItemDto {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: i.id,
    kind: i.kind,
    bankTransactionId: i.bankTransactionId,
    paymentCode: i.paymentCode,
    bankAmountFen: n(i.bankAmountFen),
    localAmountFen: n(i.localAmountFen),
    bankPaidAt: i.bankPaidAt?.toISOString() ?? null,
    localPaidAt: i.localPaidAt?.toISOString() ?? null,
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
    resolvedByName: i.resolvedByName,
    resolutionNote: i.resolutionNote,
  };
}
