import { ASSESSMENT_RATE_LABELS, type AssessmentDto, AWARD_KIND_LABELS, formatShanghai } from '@onewindow/shared';
import { addSheet, newWorkbook, workbookBytes } from '../../platform/documents/workbook.js';

const PERCENT = '0.0%';

/** A ranking as a workbook: the rows with every figure and the score's parts, then how it was counted. */
export async function writeAssessmentWorkbook(a: AssessmentDto): Promise<Buffer> {
  const wb = newWorkbook(new Date(a.asOf));
  const staff = a.subject === 'STAFF';
  const sheet = addSheet(wb, staff ? '工作人员考核' : '窗口考核', [
    { header: '名次', width: 6 },
    { header: staff ? '工作人员' : '窗口', width: 24 },
    { header: '窗口号', width: 8 },
    { header: '部门', width: 24 },
    { header: '得分', width: 8 },
    { header: '办结数', width: 8 },
    { header: ASSESSMENT_RATE_LABELS.onTimeRate, width: 12 },
    { header: ASSESSMENT_RATE_LABELS.onTheSpotRate, width: 12 },
    { header: '有效评价', width: 9 },
    { header: ASSESSMENT_RATE_LABELS.satisfactionRate, width: 10 },
    { header: '申诉成立不计', width: 12 },
    { header: '差评整改', width: 9 },
    { header: ASSESSMENT_RATE_LABELS.rectifiedOnTimeRate, width: 14 },
    { header: '红黄牌', width: 8 },
    { header: '属实投诉', width: 9 },
    { header: '未达最低标准', width: 28 },
    { header: '评选', width: 10 },
    { header: '得分构成', width: 60 },
  ]);
  for (const r of a.rows)
    sheet.addRow([
      r.rank,
      r.name,
      r.windowNumber,
      r.departmentName,
      r.score,
      r.concluded,
      r.onTimeRate,
      r.onTheSpotRate,
      r.ratings,
      r.satisfactionRate,
      r.excludedRatings,
      r.rectifications,
      r.rectifiedOnTimeRate,
      r.cards,
      r.substantiatedComplaints,
      r.belowMinimum.join('、'),
      r.award ? AWARD_KIND_LABELS[r.award] : '',
      r.parts.map((p) => `${p.label} ${p.points >= 0 ? '+' : ''}${p.points}`).join('；'),
    ]);
  for (const c of [7, 8, 10, 13]) sheet.getColumn(c).numFmt = PERCENT;
  const about = addSheet(wb, '说明', [
    { header: '项目', width: 18 },
    { header: '内容', width: 80 },
  ]);
  about.addRows([
    ['考核期', `${a.period}：${a.from} 至 ${a.to}（北京时间，含首尾两日）`],
    ['统计时点', `${formatShanghai(new Date(a.asOf))}（北京时间）`],
    ['考核方案', `第 ${a.schemeVersion} 版（现行）`],
    ['按时办结率', '期间内办结的办件中，受理、办理、送达各时限均未超期的比例'],
    ['当场办结率', '即办件和收件当日办结的办件占办结件的比例'],
    ['满意率', '“满意”和“非常满意”占有效评价的比例；申诉成立的评价保留记录但不计入'],
    ['差评按时整改率', '期间内的差评中，回访和整改都在时限内完成的比例'],
    ['得分', '各项比率乘以权重，减去每张红黄牌和每件属实投诉的扣分；每一项都列在“得分构成”中'],
  ]);
  return workbookBytes(wb);
}
