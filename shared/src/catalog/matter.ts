import type { FieldErrors } from '../errors.js';
import type { PauseReason, TimeLimitDto } from '../dto/clock.js';
import { LIMIT_UNIT_LABELS, LimitUnit } from '../calendar/day-kind.js';

/** 事项类型 and the two-letter prefix of their codes. */
export const MatterType = {
  ADMINISTRATIVE_LICENSE: 'ADMINISTRATIVE_LICENSE',
  ADMINISTRATIVE_CONFIRMATION: 'ADMINISTRATIVE_CONFIRMATION',
  ADMINISTRATIVE_PAYMENT: 'ADMINISTRATIVE_PAYMENT',
  OTHER_POWER: 'OTHER_POWER',
  PUBLIC_SERVICE: 'PUBLIC_SERVICE',
} as const;
export type MatterType = (typeof MatterType)[keyof typeof MatterType];
export const MATTER_TYPE_LABELS: Record<MatterType, string> = {
  ADMINISTRATIVE_LICENSE: '行政许可',
  ADMINISTRATIVE_CONFIRMATION: '行政确认',
  ADMINISTRATIVE_PAYMENT: '行政给付',
  OTHER_POWER: '其他行政权力',
  PUBLIC_SERVICE: '公共服务',
};
export const MATTER_TYPE_PREFIX: Record<MatterType, string> = {
  ADMINISTRATIVE_LICENSE: 'XK',
  ADMINISTRATIVE_CONFIRMATION: 'QR',
  ADMINISTRATIVE_PAYMENT: 'JF',
  OTHER_POWER: 'QT',
  PUBLIC_SERVICE: 'GG',
};

/** 办件类型 */
export const HandlingKind = {
  IMMEDIATE: 'IMMEDIATE',
  PROMISED: 'PROMISED',
  JOINT: 'JOINT',
  REPORT_UP: 'REPORT_UP',
} as const;
export type HandlingKind = (typeof HandlingKind)[keyof typeof HandlingKind];
export const HANDLING_KIND_LABELS: Record<HandlingKind, string> = {
  IMMEDIATE: '即办件',
  PROMISED: '承诺件',
  JOINT: '联办件',
  REPORT_UP: '上报件',
};

export const Audience = { CITIZEN: 'CITIZEN', LEGAL_PERSON: 'LEGAL_PERSON', BOTH: 'BOTH' } as const;
export type Audience = (typeof Audience)[keyof typeof Audience];
export const AUDIENCE_LABELS: Record<Audience, string> = {
  CITIZEN: '自然人',
  LEGAL_PERSON: '法人',
  BOTH: '自然人、法人',
};

export const MaterialForm = { ORIGINAL: 'ORIGINAL', COPY: 'COPY', ORIGINAL_AND_COPY: 'ORIGINAL_AND_COPY' } as const;
export type MaterialForm = (typeof MaterialForm)[keyof typeof MaterialForm];
export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  ORIGINAL: '原件',
  COPY: '复印件',
  ORIGINAL_AND_COPY: '原件和复印件',
};

export interface MaterialSpec {
  name: string;
  /**
   * 材料共享编码: the same key on materials of different matters means the same document, asked once in a
   * life event's (一件事) combined application.
   */
  key?: string | null;
  form: MaterialForm;
  copies: number;
  required: boolean;
  /** May be supplied later under 容缺受理. */
  deferrable: boolean;
  notes?: string;
  /** A blank form (空白表格) and a filled-in sample (示例样表) citizens can download. */
  blankForm?: AttachmentRef | null;
  sample?: AttachmentRef | null;
}

/** 材料共享编码: upper-case letters, digits and underscores, starting with a letter (e.g. BUSINESS_LICENCE). */
export const MATERIAL_KEY_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

/** A file uploaded to the catalog (see StoredFileDto), named as citizens will see it. */
export interface AttachmentRef {
  fileId: string;
  fileName: string;
}

/** A co-department of a joint matter (联办件): its sub-task limit and whether silence counts as consent. */
export interface CoDepartmentSpec {
  departmentId: string;
  subtaskLimit: TimeLimitDto;
  silenceIsConsent: boolean;
}

export interface SpecialProcedureSpec {
  kind: PauseReason;
  /** Whether its time counts toward the limit (Art. 45 procedures do not). */
  countsTowardLimit: boolean | null;
  description?: string;
}

/** Every element of a matter (办事指南要素), as one version holds them. */
export interface MatterContent {
  name: string;
  matterType: MatterType;
  departmentId: string;
  windowId: string | null;
  audience: Audience;
  themes: string[];
  lifeEvents: string[];
  keywords: string[];
  description: string;
  legalBasis: string;
  acceptanceConditions: string;
  materials: MaterialSpec[];
  procedure: string[];
  statutoryLimit: TimeLimitDto;
  promisedLimit: TimeLimitDto;
  /**
   * 绿色通道: the shorter limit a key project's (重点项目) cases run on; null when the matter offers none.
   * Versions written before it existed read as null.
   */
  greenChannelLimit?: TimeLimitDto | null;
  handlingKind: HandlingKind;
  coDepartments: CoDepartmentSpec[];
  /** Codes of fee catalog items; empty when free. */
  feeItemCodes: string[];
  visitsOnSite: number;
  specialProcedures: SpecialProcedureSpec[];
  onlineAvailable: boolean;
  contactPhone: string;
  complaintPhone: string;
}

/** What publishing needs to know about a fee item. */
export interface FeeItemFacts {
  code: string;
  legalBasis: string;
  active: boolean;
}

/** "10 个工作日", or "即办" for a zero limit. */
export function formatTimeLimit(l: TimeLimitDto, onTheSpot = '即办'): string {
  return l.value === 0 ? onTheSpot : `${l.value} ${LIMIT_UNIT_LABELS[l.unit]}`;
}

/** Comparable length of a limit in working-day terms where units differ (months ≈ 21 working days, natural days ≈ 5/7). */
function comparable(l: TimeLimitDto): number {
  switch (l.unit) {
    case LimitUnit.WORKING_DAY:
      return l.value;
    case LimitUnit.NATURAL_DAY:
      return (l.value * 5) / 7;
    case LimitUnit.MONTH:
      return l.value * 21;
    case LimitUnit.HOUR:
      return l.value / 24;
  }
}

/** Whether limit a is shorter than b (compared in working-day terms where the units differ). */
function shorterThan(a: TimeLimitDto, b: TimeLimitDto): boolean {
  return a.unit === b.unit ? a.value < b.value : comparable(a) < comparable(b);
}

/** The limit a case of this version runs on: the green-channel limit for a key project where the matter has one. */
export function caseLimitOf(c: MatterContent, keyProject: boolean): TimeLimitDto {
  return keyProject && c.greenChannelLimit ? c.greenChannelLimit : c.promisedLimit;
}

/**
 * The rules a version must meet to be published (DOMAIN.md §2). Returns field errors keyed by path,
 * empty when publishable. Shared so the editor shows exactly what the server enforces.
 */
export function checkMatterContent(c: MatterContent, feeItems: FeeItemFacts[]): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, msg: string) => (errors[path] ??= []).push(msg);
  if (!c.name?.trim()) add('name', '请填写事项名称');
  if (!c.legalBasis?.trim()) add('legalBasis', '请填写设定依据');
  if (!c.acceptanceConditions?.trim()) add('acceptanceConditions', '请填写受理条件');
  if (!c.contactPhone?.trim()) add('contactPhone', '请填写咨询电话');
  if (!c.complaintPhone?.trim()) add('complaintPhone', '请填写投诉电话');

  const sameUnit = c.promisedLimit.unit === c.statutoryLimit.unit;
  const promisedLonger = sameUnit
    ? c.promisedLimit.value > c.statutoryLimit.value
    : comparable(c.promisedLimit) > comparable(c.statutoryLimit);
  if (promisedLonger) add('promisedLimit', '承诺时限不得超过法定时限');
  const green = c.greenChannelLimit;
  if (green) {
    if (c.handlingKind === HandlingKind.IMMEDIATE) add('greenChannelLimit', '即办件当场办结，无需绿色通道时限');
    else if (green.value <= 0) add('greenChannelLimit', '绿色通道时限须大于 0');
    else if (!shorterThan(green, c.promisedLimit)) add('greenChannelLimit', '绿色通道时限须短于承诺时限');
  }

  if (c.handlingKind === HandlingKind.IMMEDIATE) {
    if (c.promisedLimit.value !== 0) add('promisedLimit', '即办件的承诺时限必须为 0');
    if (c.coDepartments.length) add('coDepartments', '即办件不能有协办部门');
  }
  if (c.handlingKind === HandlingKind.JOINT && !c.coDepartments.length)
    add('coDepartments', '联办件须至少有一个协办部门');
  if (c.handlingKind !== HandlingKind.JOINT && c.handlingKind !== HandlingKind.IMMEDIATE && c.coDepartments.length) {
    add('coDepartments', '只有联办件可以设置协办部门');
  }
  c.coDepartments.forEach((d, i) => {
    if (d.departmentId === c.departmentId) add(`coDepartments.${i}.departmentId`, '协办部门不能是实施部门本身');
  });

  if (!c.materials.length) add('materials', '至少列出一项申请材料');
  c.materials.forEach((m, i) => {
    if (!m.name?.trim()) add(`materials.${i}.name`, '请填写材料名称');
    if (!m.form) add(`materials.${i}.form`, '请选择原件或复印件');
    if (m.deferrable && !m.required) add(`materials.${i}.deferrable`, '非必需材料无需容缺');
    if (m.key && c.materials.findIndex((x) => x.key === m.key) < i)
      add(`materials.${i}.key`, `材料共享编码 ${m.key} 与前面的材料重复`);
  });

  const byCode = new Map(feeItems.map((f) => [f.code, f]));
  c.feeItemCodes.forEach((code, i) => {
    const f = byCode.get(code);
    if (!f) add(`feeItemCodes.${i}`, `收费项目 ${code} 不存在`);
    else if (!f.legalBasis.trim()) add(`feeItemCodes.${i}`, `收费项目 ${code} 没有法律依据，不得收费`);
    else if (!f.active) add(`feeItemCodes.${i}`, `收费项目 ${code} 已停用`);
  });

  c.specialProcedures.forEach((s, i) => {
    if (s.countsTowardLimit === null || s.countsTowardLimit === undefined)
      add(`specialProcedures.${i}.countsTowardLimit`, '须说明是否计入办理时限');
  });
  return errors;
}

/**
 * Implementation code pattern: 2-letter type prefix + 5-digit main item + 3-digit sub-item, e.g. XK00012001.
 */
export function matterCode(type: MatterType, mainItem: number, subItem: number): string {
  return `${MATTER_TYPE_PREFIX[type]}${String(mainItem).padStart(5, '0')}${String(subItem).padStart(3, '0')}`;
}
export const MATTER_CODE_PATTERN = /^(XK|QR|JF|QT|GG)\d{5}\d{3}$/;

export type MatterVersionStatus = 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED' | 'WITHDRAWN';
export const MATTER_VERSION_STATUS_LABELS: Record<MatterVersionStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  SUPERSEDED: '已被新版本取代',
  WITHDRAWN: '已撤回',
};

export interface MatterVersionDto {
  id: string;
  matterId: string;
  code: string;
  versionNo: number;
  status: MatterVersionStatus;
  content: MatterContent;
  publishedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

/** Filters of the back-office matter list. */
export const MATTER_LIST_STATES = ['PUBLISHED', 'DRAFT', 'UNPUBLISHED', 'WITHDRAWN'] as const;
export type MatterListState = (typeof MATTER_LIST_STATES)[number];
export const MATTER_LIST_STATE_LABELS: Record<MatterListState, string> = {
  PUBLISHED: '已发布',
  DRAFT: '有草稿',
  UNPUBLISHED: '从未发布',
  WITHDRAWN: '已撤回',
};

export interface MatterQuery {
  departmentId?: string;
  q?: string;
  handlingKind?: HandlingKind;
  state?: MatterListState;
  page?: number;
  pageSize?: number;
}

export interface MatterSummaryDto {
  id: string;
  code: string;
  departmentId: string;
  name: string;
  handlingKind: HandlingKind;
  /** The published version, if any. */
  publishedVersionNo: number | null;
  draftVersionId: string | null;
  withdrawn: boolean;
}

export interface PublicMatterHitDto {
  code: string;
  name: string;
  departmentId: string;
  matterType: MatterType;
  handlingKind: HandlingKind;
  audience: Audience;
  promisedLimit: TimeLimitDto;
  onlineAvailable: boolean;
  matchedIn: string | null;
  highlights: [number, number][];
}

/** A version as departments' systems list them: what was in force when. */
export interface PublicVersionSummaryDto {
  code: string;
  versionNo: number;
  status: Exclude<MatterVersionStatus, 'DRAFT'>;
  name: string;
  publishedAt: string;
  endedAt: string | null;
}

export interface PublishCheckDto {
  ok: boolean;
  fields: FieldErrors;
}

/** The catalog exchange file (JSON): what export writes and import reads. */
export interface CatalogFile {
  format: 'onewindow-catalog';
  formatVersion: 1;
  exportedAt?: string;
  matters: { code: string; content: MatterContent }[];
}

export interface ImportRowReport {
  index: number;
  code: string | null;
  /** CREATE: a new matter; DRAFT: a new or replaced draft of an existing one; UNCHANGED: same as its draft/published version. */
  action: 'CREATE' | 'DRAFT' | 'UNCHANGED' | null;
  errors: FieldErrors;
  /** For an Excel import: the matter's row on the 事项 sheet. */
  sheetRow?: number;
}

export interface ImportReportDto {
  dryRun: boolean;
  ok: boolean;
  /** Rows written (0 on a dry run or when any row has errors). */
  written: number;
  rows: ImportRowReport[];
  /** Problems with the file as a whole (a missing sheet, a row naming no matter); any one blocks the import. */
  fileErrors: string[];
}

/** A department's count of published matters it leads. */
export interface PublicDepartmentMattersDto {
  departmentId: string;
  matters: number;
}
