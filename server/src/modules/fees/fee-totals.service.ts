import { Injectable } from '@nestjs/common';
import {
  type FeeTotalsDto,
  type FeeTotalsGroup,
  type FeeTotalsRow,
  PAYMENT_CHANNEL_LABELS,
  type PaymentChannel,
  yuanText,
} from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { ShanghaiSql } from '../../platform/database/shanghai-sql.js';
import { addSheet, newWorkbook, workbookBytes } from '../../platform/documents/workbook.js';
import { dayPeriod } from '../../platform/http/day-period.js';

const GROUP_LABELS: Record<FeeTotalsGroup, string> = { DEPARTMENT: '部门', ITEM: '收费项目', CHANNEL: '缴款渠道' };

/**
 * Daily and monthly totals of what was collected and refunded, by department, fee item or channel. A fee item's
 * figure is its lines on the paid notices (before waivers, which are a line of their own in the notice's total).
 */
@Injectable()
export class FeeTotalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
  ) {}

  async totals(q: { from: string; to: string; by?: FeeTotalsGroup; period?: 'DAY' | 'MONTH' }): Promise<FeeTotalsDto> {
    const p = dayPeriod(q.from, q.to, 366);
    const by = q.by ?? 'DEPARTMENT';
    const period = q.period ?? 'DAY';
    const bucket = (ts: string) =>
      period === 'DAY' ? `${ShanghaiSql.dateOf(ts)}::text` : `to_char(${ShanghaiSql.dateOf(ts)}, 'YYYY-MM')`;
    const key = { DEPARTMENT: 'n.department_id::text', ITEM: `li->>'code'`, CHANNEL: 'fp.channel' }[by];
    const label = { DEPARTMENT: 'n.department_name', ITEM: `li->>'name'`, CHANNEL: 'fp.channel' }[by];
    const amount = by === 'ITEM' ? `(li->>'amountFen')::bigint` : 'fp.amount_fen';
    const items = by === 'ITEM' ? `CROSS JOIN LATERAL jsonb_array_elements(n.items) li` : '';
    const rows = await this.dataSource.query<
      { period: string; key: string; label: string; payments: number; collected: string; refunded: string }[]
    >(
      `WITH c AS (
         SELECT ${bucket('fp.paid_at')} AS period, ${key} AS key, min(${label}) AS label,
                count(DISTINCT fp.id)::int AS payments, sum(${amount})::bigint AS collected, 0::bigint AS refunded
         FROM fee_payment fp JOIN payment_notice n ON n.id = fp.notice_id ${items}
         WHERE fp.paid_at >= $1 AND fp.paid_at < $2 GROUP BY 1, 2),
       r AS (
         SELECT ${bucket('a.decided_at')} AS period, ${by === 'ITEM' ? `'REFUND'` : key} AS key,
                ${by === 'ITEM' ? `'退费'` : `min(${label})`} AS label, 0 AS payments, 0::bigint AS collected,
                sum(a.amount_fen)::bigint AS refunded
         FROM fee_adjustment a JOIN fee_payment fp ON fp.id = a.payment_id JOIN payment_notice n ON n.id = fp.notice_id
         WHERE a.kind = 'REFUND' AND a.state = 'APPROVED' AND a.decided_at >= $1 AND a.decided_at < $2 GROUP BY 1, 2)
       SELECT period, key, min(label) AS label, sum(payments)::int AS payments, sum(collected)::bigint AS collected,
              sum(refunded)::bigint AS refunded
       FROM (SELECT * FROM c UNION ALL SELECT * FROM r) x GROUP BY period, key ORDER BY period, key`,
      [p.start, p.end],
    );
    const out: FeeTotalsRow[] = rows.map((r) => ({
      period: r.period,
      key: r.key,
      label: by === 'CHANNEL' ? (PAYMENT_CHANNEL_LABELS[r.label as PaymentChannel] ?? r.label) : r.label,
      payments: r.payments,
      collectedFen: Number(r.collected),
      refundedFen: Number(r.refunded),
    }));
    return {
      from: q.from,
      to: q.to,
      by,
      period,
      rows: out,
      collectedFen: out.reduce((t, r) => t + r.collectedFen, 0),
      refundedFen: out.reduce((t, r) => t + r.refundedFen, 0),
    };
  }

  async workbook(q: Parameters<FeeTotalsService['totals']>[0]): Promise<{ fileName: string; bytes: Buffer }> {
    const t = await this.totals(q);
    const wb = newWorkbook(this.clock.now());
    const ws = addSheet(wb, '收费汇总', [
      { header: t.period === 'DAY' ? '日期' : '月份', width: 14 },
      { header: GROUP_LABELS[t.by], width: 30 },
      { header: '笔数', width: 10 },
      { header: '收款（元）', width: 16 },
      { header: '退费（元）', width: 16 },
      { header: '净额（元）', width: 16 },
    ]);
    ws.addRows(
      t.rows.map((r) => [
        r.period,
        r.label,
        r.payments,
        yuanText(r.collectedFen),
        yuanText(r.refundedFen),
        yuanText(r.collectedFen - r.refundedFen),
      ]),
    );
    ws.addRow([
      '合计',
      '',
      '',
      yuanText(t.collectedFen),
      yuanText(t.refundedFen),
      yuanText(t.collectedFen - t.refundedFen),
    ]);
    return { fileName: `收费汇总-${t.from}-${t.to}.xlsx`, bytes: await workbookBytes(wb) };
  }
}
