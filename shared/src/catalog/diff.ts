import {
  AUDIENCE_LABELS,
  formatTimeLimit,
  HANDLING_KIND_LABELS,
  MATERIAL_FORM_LABELS,
  type MatterContent,
  MATTER_TYPE_LABELS,
} from './matter.js';
import { PAUSE_REASON_LABELS } from '../dto/clock.js';

/** JSON with keys sorted and empty (null/undefined) properties left out: equal content, equal text. */
export function comparableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== null && x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

export const sameValue = (a: unknown, b: unknown): boolean => comparableJson(a ?? null) === comparableJson(b ?? null);

export const MATTER_FIELD_LABELS: Record<keyof MatterContent, string> = {
  name: '事项名称',
  matterType: '事项类型',
  departmentId: '实施部门',
  windowId: '受理窗口',
  audience: '服务对象',
  themes: '主题',
  lifeEvents: '人生事件',
  keywords: '关键词',
  description: '事项说明',
  legalBasis: '设定依据',
  acceptanceConditions: '受理条件',
  materials: '申请材料',
  procedure: '办理流程',
  statutoryLimit: '法定时限',
  promisedLimit: '承诺时限',
  greenChannelLimit: '绿色通道时限',
  handlingKind: '办件类型',
  coDepartments: '协办部门',
  feeItemCodes: '收费项目',
  visitsOnSite: '到现场次数',
  specialProcedures: '特别程序',
  onlineAvailable: '网上办理',
  contactPhone: '咨询电话',
  complaintPhone: '投诉电话',
};

/** One element that differs between two versions, as lines people read; lines only on one side were removed or added. */
export interface MatterChange {
  field: keyof MatterContent;
  label: string;
  before: string[];
  after: string[];
}

/** Names for ids (departments, windows) when showing a change. */
export interface DiffNames {
  department(id: string): string;
  window(id: string): string;
}

function lines(c: MatterContent, field: keyof MatterContent, names: DiffNames): string[] {
  switch (field) {
    case 'matterType':
      return [MATTER_TYPE_LABELS[c.matterType]];
    case 'departmentId':
      return [names.department(c.departmentId)];
    case 'windowId':
      return [c.windowId ? names.window(c.windowId) : '（未指定）'];
    case 'audience':
      return [AUDIENCE_LABELS[c.audience]];
    case 'handlingKind':
      return [HANDLING_KIND_LABELS[c.handlingKind]];
    case 'statutoryLimit':
    case 'promisedLimit':
      return [formatTimeLimit(c[field])];
    case 'greenChannelLimit':
      return [c.greenChannelLimit ? formatTimeLimit(c.greenChannelLimit) : '（无）'];
    case 'onlineAvailable':
      return [c.onlineAvailable ? '可网上申请' : '须到窗口申请'];
    case 'visitsOnSite':
      return [`${c.visitsOnSite} 次`];
    case 'materials':
      return c.materials.map(
        (m) =>
          `${m.name}（${MATERIAL_FORM_LABELS[m.form]} ${m.copies} 份，${m.required ? '必需' : '非必需'}${m.deferrable ? '，可容缺' : ''}${m.notes ? `，${m.notes}` : ''}${m.blankForm ? `，表格：${m.blankForm.fileName}` : ''}${m.sample ? `，样表：${m.sample.fileName}` : ''}）`,
      );
    case 'coDepartments':
      return c.coDepartments.map(
        (d) =>
          `${names.department(d.departmentId)}：${formatTimeLimit(d.subtaskLimit)}${d.silenceIsConsent ? '，超时视为同意' : ''}`,
      );
    case 'specialProcedures':
      return c.specialProcedures.map(
        (s) =>
          `${PAUSE_REASON_LABELS[s.kind]}：${s.countsTowardLimit === null ? '未说明是否计时' : s.countsTowardLimit ? '计入时限' : '不计入时限'}${s.description ? `（${s.description}）` : ''}`,
      );
    case 'themes':
    case 'lifeEvents':
    case 'keywords':
    case 'feeItemCodes':
    case 'procedure':
      return c[field].length ? [...c[field]] : ['（无）'];
    default:
      return [String(c[field] ?? '') || '（空）'];
  }
}

/** What changed from `before` to `after`, element by element in the guide's order. */
export function diffMatterContent(before: MatterContent, after: MatterContent, names: DiffNames): MatterChange[] {
  return (Object.keys(MATTER_FIELD_LABELS) as (keyof MatterContent)[])
    .filter((f) => !sameValue(before[f], after[f]))
    .map((f) => ({
      field: f,
      label: MATTER_FIELD_LABELS[f],
      before: lines(before, f, names),
      after: lines(after, f, names),
    }));
}
