import { formatShanghai, type PerformanceDto, type PerformanceFigures } from '@onewindow/shared';
import { addSheet, newWorkbook, workbookBytes } from '../../platform/documents/workbook.js';

const FIGURE_HEADERS = [
  { header: '收件数', width: 10 },
  { header: '办结数', width: 10 },
  { header: '按时办结数', width: 12 },
  { header: '按时办结率', width: 12 },
  { header: '黄牌', width: 8 },
  { header: '红牌', width: 8 },
  { header: '每百件出牌', width: 12 },
  { header: '协办出具意见', width: 12 },
  { header: '协办超时默认', width: 12 },
];
const PERCENT = '0.0%';

const figureCells = (f: PerformanceFigures) => [
  f.received,
  f.concluded,
  f.onTime,
  f.onTimeRate,
  f.yellow,
  f.red,
  f.cardsPer100 === null ? null : Math.round(f.cardsPer100 * 10) / 10,
  f.subtasksAnswered,
  f.subtasksDeemed,
];

/** The performance report as a workbook: departments ranked, then the weeks. Rates are real percentages Excel can sum and chart. */
export async function writePerformanceWorkbook(r: PerformanceDto): Promise<Buffer> {
  const wb = newWorkbook(new Date(r.asOf));
  const depts = addSheet(wb, '部门绩效', [
    { header: '名次', width: 6 },
    { header: '部门', width: 28 },
    ...FIGURE_HEADERS,
    { header: '在办超期件', width: 12 },
  ]);
  for (const d of r.departments) depts.addRow([d.rank, d.departmentName, ...figureCells(d), d.overdueOpen]);
  depts.addRow(['', '合计', ...figureCells(r.totals), r.totals.overdueOpen]).font = { bold: true };
  depts.getColumn(6).numFmt = PERCENT;
  const weeks = addSheet(wb, '周趋势', [{ header: '周（起始周一）', width: 16 }, ...FIGURE_HEADERS]);
  for (const w of r.weeks) weeks.addRow([w.weekStart, ...figureCells(w)]);
  weeks.getColumn(5).numFmt = PERCENT;
  const about = addSheet(wb, '说明', [
    { header: '项目', width: 16 },
    { header: '内容', width: 80 },
  ]);
  about.addRows([
    ['统计期间', `${r.from} 至 ${r.to}（北京时间，含首尾两日）`],
    ['统计时点', `${formatShanghai(new Date(r.asOf))}（北京时间）`],
    ['按时办结', '办结（送达、不予受理、补正不来等，不含撤回）且受理、办理、送达各时限均未超期'],
    ['出牌', '越限时间在期间内的黄牌、红牌，已撤销的不计'],
    ['在办超期件', '统计时点仍在办且有计时已超过期限的办件'],
    ['协办出具意见', '作为协办部门在期间内由工作人员出具意见（同意、不同意、退回）的并联审批子任务'],
    ['协办超时默认', '作为协办部门未在时限内出具意见、由系统超时默认同意的子任务（不计为出具意见）'],
  ]);
  return workbookBytes(wb);
}
