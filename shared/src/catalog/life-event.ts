import type { FieldErrors } from '../errors.js';
import type { TimeLimitDto } from '../dto/clock.js';
import {
  type AttachmentRef,
  type Audience,
  type HandlingKind,
  type MaterialForm,
  type MaterialSpec,
  type MatterContent,
} from './matter.js';

/**
 * 一件事一次办: a life event (开办餐馆 = 食品经营许可 + 公共场所卫生许可 + 户外广告 …) bundles published matters into
 * one application. Its combined form asks each document once, however many of its matters need it (materials of the
 * same 材料共享编码), and one acceptance at a comprehensive window opens one case per matter.
 */
export interface LifeEventContent {
  name: string;
  description: string;
  audience: Audience;
  /** The bundled matters, by implementation code, in the order the applicant sees them. */
  matterCodes: string[];
}

export type LifeEventStatus = 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN';
export const LIFE_EVENT_STATUS_LABELS: Record<LifeEventStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  WITHDRAWN: '已撤回',
};

/** A life event's code: YJS and four digits, given on creation. */
export const LIFE_EVENT_CODE_PATTERN = /^YJS\d{4}$/;

export interface LifeEventDto {
  id: string;
  code: string;
  status: LifeEventStatus;
  content: LifeEventContent;
  publishedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface SaveLifeEventRequest {
  content: LifeEventContent;
}

/** A bundled matter as the portal shows it, from its version in force. */
export interface LifeEventMatterDto {
  code: string;
  name: string;
  departmentId: string;
  handlingKind: HandlingKind;
  promisedLimit: TimeLimitDto;
  onlineAvailable: boolean;
}

/** Where one item of the combined form goes: that matter's material. */
export interface BundleMaterialPart {
  matterCode: string;
  materialIndex: number;
}

/** One item of the combined form: a document asked once for every matter listing it under the same key. */
export interface BundleMaterialSpec {
  index: number;
  key: string | null;
  name: string;
  form: MaterialForm;
  copies: number;
  /** Required when any of its matters requires it. */
  required: boolean;
  /** May be deferred (容缺) only when every matter requiring it allows that. */
  deferrable: boolean;
  notes?: string;
  blankForm?: AttachmentRef | null;
  sample?: AttachmentRef | null;
  parts: BundleMaterialPart[];
}

/** A published life event with its matters in force and its combined form. */
export interface PublicLifeEventDto {
  code: string;
  name: string;
  description: string;
  audience: Audience;
  matters: LifeEventMatterDto[];
  materials: BundleMaterialSpec[];
  /** Every bundled matter can be applied for online. */
  onlineAvailable: boolean;
  /** The longest promised limit among them: the whole is done by then, the parts running side by side. */
  longestLimit: TimeLimitDto;
  /** Documents the matters ask for in all, against the combined form's items. */
  materialsSaved: number;
}

/**
 * The combined form of bundled matters: materials with the same key become one item (its name and form from the
 * first matter listing it, the most copies any asks); materials without a key stay each matter's own.
 */
export function mergeBundleMaterials(matters: { code: string; content: MatterContent }[]): BundleMaterialSpec[] {
  const groups: { key: string | null; specs: MaterialSpec[]; parts: BundleMaterialPart[] }[] = [];
  const byKey = new Map<string, (typeof groups)[number]>();
  for (const { code, content } of matters) {
    content.materials.forEach((mat, materialIndex) => {
      const part = { matterCode: code, materialIndex };
      const same = mat.key ? byKey.get(mat.key) : undefined;
      if (same) {
        same.specs.push(mat);
        same.parts.push(part);
        return;
      }
      const g = { key: mat.key ?? null, specs: [mat], parts: [part] };
      groups.push(g);
      if (mat.key) byKey.set(mat.key, g);
    });
  }
  return groups.map(({ key, specs, parts }, index) => {
    const [first] = specs as [MaterialSpec];
    const requiring = specs.filter((x) => x.required);
    return {
      index,
      key,
      name: first.name,
      form: first.form,
      copies: Math.max(...specs.map((x) => x.copies)),
      required: requiring.length > 0,
      deferrable: requiring.length > 0 && requiring.every((x) => x.deferrable),
      ...(first.notes ? { notes: first.notes } : {}),
      blankForm: specs.find((x) => x.blankForm)?.blankForm ?? null,
      sample: specs.find((x) => x.sample)?.sample ?? null,
      parts,
    };
  });
}

/** The longest of the limits, compared as publishing compares them. */
function longest(limits: TimeLimitDto[]): TimeLimitDto {
  const days = (l: TimeLimitDto) =>
    l.unit === 'WORKING_DAY'
      ? l.value
      : l.unit === 'NATURAL_DAY'
        ? (l.value * 5) / 7
        : l.unit === 'MONTH'
          ? l.value * 21
          : l.value / 24;
  return limits.reduce((a, b) => (days(b) > days(a) ? b : a), { value: 0, unit: 'WORKING_DAY' });
}

/** A published life event as the portal shows it, from its matters' versions in force. */
export function describeLifeEvent(
  code: string,
  content: LifeEventContent,
  matters: { code: string; content: MatterContent }[],
): PublicLifeEventDto {
  const materials = mergeBundleMaterials(matters);
  return {
    code,
    name: content.name,
    description: content.description,
    audience: content.audience,
    matters: matters.map((x) => ({
      code: x.code,
      name: x.content.name,
      departmentId: x.content.departmentId,
      handlingKind: x.content.handlingKind,
      promisedLimit: x.content.promisedLimit,
      onlineAvailable: x.content.onlineAvailable,
    })),
    materials,
    onlineAvailable: matters.every((x) => x.content.onlineAvailable),
    longestLimit: longest(matters.map((x) => x.content.promisedLimit)),
    materialsSaved: matters.reduce((n, x) => n + x.content.materials.length, 0) - materials.length,
  };
}

/**
 * The rules a life event must meet to be published: a name, at least two distinct matters, each published (its
 * version in force given in `published`, or undefined), none 即办 (settled on the spot, nothing to bundle) and, as
 * one form is filled, all of them online or none.
 */
export function checkLifeEvent(c: LifeEventContent, published: Map<string, MatterContent | undefined>): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, msg: string) => (errors[path] ??= []).push(msg);
  if (!c.name?.trim()) add('name', '请填写一件事名称');
  if (!c.description?.trim()) add('description', '请填写说明');
  if (new Set(c.matterCodes).size < 2) add('matterCodes', '一件事须包含至少两个不同的事项');
  c.matterCodes.forEach((code, i) => {
    const m = published.get(code);
    if (c.matterCodes.indexOf(code) < i) add(`matterCodes.${i}`, `事项 ${code} 重复`);
    else if (!m) add(`matterCodes.${i}`, `事项 ${code} 未发布或不存在`);
    else if (m.handlingKind === 'IMMEDIATE') add(`matterCodes.${i}`, `${m.name}是即办件，当场办结，无需纳入一件事`);
  });
  const online = c.matterCodes.map((code) => published.get(code)?.onlineAvailable).filter((x) => x !== undefined);
  if (online.includes(true) && online.includes(false))
    add('matterCodes', '一件事的事项须全部支持网上申请，或全部到窗口申请');
  return errors;
}

// ---------- a bundle: one application for a life event ----------

/** Where a bundle stands, from the states of its cases. */
export const BundleState = {
  DRAFT: 'DRAFT',
  RECEIVED: 'RECEIVED',
  IN_PROGRESS: 'IN_PROGRESS',
  TO_DELIVER: 'TO_DELIVER',
  CLOSED: 'CLOSED',
} as const;
export type BundleState = (typeof BundleState)[keyof typeof BundleState];
export const BUNDLE_STATE_LABELS: Record<BundleState, string> = {
  DRAFT: '草稿',
  RECEIVED: '已收件，待受理',
  IN_PROGRESS: '办理中',
  TO_DELIVER: '已全部作出决定，待送达',
  CLOSED: '已办结',
};

const PRE_ACCEPTANCE = ['SUBMITTED', 'SUPPLEMENT_REQUIRED'];
const WORKING = ['IN_REVIEW', 'SUSPENDED', 'FORWARDED'];
const DECIDED = ['APPROVED', 'DENIED'];

/** The one rule: a draft until sent; received while any part waits for acceptance; then in progress while any part is; to deliver once every part is decided; closed when nothing is left. */
export function bundleState(states: string[]): BundleState {
  if (states.every((s) => s === 'DRAFT')) return BundleState.DRAFT;
  if (states.some((s) => PRE_ACCEPTANCE.includes(s))) return BundleState.RECEIVED;
  if (states.some((s) => WORKING.includes(s))) return BundleState.IN_PROGRESS;
  if (states.some((s) => DECIDED.includes(s))) return BundleState.TO_DELIVER;
  return BundleState.CLOSED;
}
