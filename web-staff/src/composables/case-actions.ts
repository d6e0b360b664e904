import {
  type CaseAction,
  type CaseDto,
  DELIVERY_METHOD_LABELS,
  type InspectionDto,
  PAUSE_REASON_LABELS,
  type Principal,
  Role,
  type SubtaskDto,
  type SubtaskOutcome,
  subtaskPending,
} from '@onewindow/shared';
import { api } from '../api';

/** One input of an action's form. */
export interface ActionField {
  key: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'agree' | 'materials' | 'supplement' | 'checks';
  options?: Record<string, string>;
  /** Options that depend on the case (the departments a joint inspection may invite). */
  optionsOf?: (c: CaseDto) => Record<string, string>;
  required?: boolean;
  /** Shown only when this returns true for the form's values. */
  when?: (v: Record<string, unknown>, c: CaseDto) => boolean;
}

/** A button on the case page: who may press it, what it asks for, and the call it makes. */
export interface CaseActionSpec {
  action:
    CaseAction | 'DECIDE_EXTENSION' | 'ARRANGE_INSPECTION' | 'SUBTASK_OPINION' | 'SUBTASK_ANSWER' | 'RECORD_FINDINGS';
  /** The state machine's action this one rides on, when it is not one itself (联合踏勘 is a 特别程序). */
  needs?: CaseAction;
  label: string;
  roles: Role[];
  type?: 'primary' | 'danger' | 'warning' | 'default';
  fields: ActionField[];
  initial?: (c: CaseDto) => Record<string, unknown>;
  /** Extra condition beyond the state machine (e.g. a pending extension). */
  show?: (c: CaseDto) => boolean;
  run: (c: CaseDto, v: Record<string, unknown>) => Promise<CaseDto>;
}

const s = (v: unknown) => String(v ?? '').trim();
const taskOpen = (c: CaseDto, kind: 'REVIEW' | 'DECIDE') => c.tasks.some((t) => t.kind === kind && t.state === 'OPEN');
const SPECIAL = Object.fromEntries(
  Object.entries(PAUSE_REASON_LABELS).filter(([k]) => k !== 'SUPPLEMENT' && k !== 'JOINT_INSPECTION'),
);

export const CASE_ACTIONS: CaseActionSpec[] = [
  {
    action: 'ACCEPT',
    label: '受理',
    roles: [Role.CLERK],
    type: 'primary',
    fields: [
      {
        key: 'deferredPromiseDate',
        label: '容缺材料承诺补交日期',
        type: 'date',
        required: true,
        when: (_v, c) => c.materials.some((m) => m.status === 'DEFERRED'),
      },
      { key: 'opinion', label: '受理意见（可选）', type: 'textarea' },
    ],
    run: (c, v) =>
      api.cases.accept(c.id, {
        deferredPromiseDate: s(v.deferredPromiseDate) || undefined,
        opinion: s(v.opinion) || undefined,
      }),
  },
  {
    action: 'REQUEST_SUPPLEMENT',
    label: '一次性告知补正',
    roles: [Role.CLERK],
    type: 'warning',
    fields: [{ key: 'items', label: '需要补正的全部内容（一次告知，不得再补）', type: 'supplement', required: true }],
    initial: () => ({ items: [] }),
    run: (c, v) => api.cases.supplement(c.id, { items: v.items as { materialIndex: number | null; text: string }[] }),
  },
  {
    action: 'REJECT',
    label: '不予受理',
    roles: [Role.CLERK],
    type: 'danger',
    fields: [
      { key: 'reason', label: '不予受理的理由', type: 'textarea', required: true },
      { key: 'legalBasis', label: '法律依据', type: 'text', required: true },
    ],
    run: (c, v) => api.cases.reject(c.id, { reason: s(v.reason), legalBasis: s(v.legalBasis) }),
  },
  {
    action: 'SUPPLY',
    label: '窗口收取补正材料',
    roles: [Role.CLERK],
    type: 'primary',
    fields: [{ key: 'materialIndexes', label: '已收到的材料', type: 'materials', required: true }],
    initial: (c) => ({
      materialIndexes: c.supplementItems.filter((i) => i.materialIndex !== null).map((i) => i.materialIndex),
    }),
    run: (c, v) => api.cases.supply(c.id, { materialIndexes: v.materialIndexes as number[] }),
  },
  {
    action: 'CLOSE_UNSUPPLIED',
    label: '补正不来，办结',
    roles: [Role.CLERK],
    fields: [{ key: 'reason', label: '说明', type: 'textarea', required: true }],
    run: (c, v) => api.cases.closeUnsupplied(c.id, { reason: s(v.reason) }),
  },
  {
    action: 'REVIEW',
    label: '审查',
    roles: [Role.CLERK, Role.APPROVER],
    type: 'primary',
    fields: [
      { key: 'agree', label: '审查结论', type: 'agree', required: true },
      { key: 'opinion', label: '审查意见', type: 'textarea', required: true },
    ],
    initial: () => ({ agree: true }),
    show: (c) => taskOpen(c, 'REVIEW'),
    run: (c, v) => api.cases.review(c.id, { agree: Boolean(v.agree), opinion: s(v.opinion) }),
  },
  {
    action: 'DECIDE',
    label: '作出决定',
    roles: [Role.APPROVER],
    type: 'primary',
    fields: [
      {
        key: 'approve',
        label: '决定',
        type: 'agree',
        required: true,
        options: { true: '准予许可', false: '不予许可' },
      },
      { key: 'reason', label: '决定理由', type: 'textarea', required: true },
      { key: 'legalBasis', label: '法律依据', type: 'text', when: (v) => v.approve === false },
      {
        key: 'overrideReason',
        label: '协办部门不同意：不采纳其意见的理由（将报送监察）',
        type: 'textarea',
        required: true,
        when: (v, c) => v.approve === true && c.subtasks.some((t) => t.state === 'REJECTED'),
      },
    ],
    initial: () => ({ approve: true }),
    // A 上报件 is decided by the higher authority: it is forwarded instead.
    show: (c) => c.handlingKind !== 'REPORT_UP' && taskOpen(c, 'DECIDE'),
    run: (c, v) =>
      api.cases.decide(c.id, {
        approve: Boolean(v.approve),
        reason: s(v.reason),
        legalBasis: s(v.legalBasis) || undefined,
        overrideReason: v.approve === true ? s(v.overrideReason) || undefined : undefined,
      }),
  },
  {
    action: 'FORWARD',
    label: '转报上级机关',
    roles: [Role.APPROVER],
    type: 'primary',
    fields: [
      { key: 'authority', label: '上级机关', type: 'text', required: true },
      { key: 'opinion', label: '初审意见', type: 'textarea', required: true },
    ],
    show: (c) => c.handlingKind === 'REPORT_UP' && taskOpen(c, 'DECIDE'),
    run: (c, v) => api.cases.forward(c.id, { authority: s(v.authority), opinion: s(v.opinion) }),
  },
  {
    action: 'FORWARD_ANSWER',
    label: '录入上级机关决定',
    roles: [Role.CLERK, Role.APPROVER],
    type: 'primary',
    fields: [
      {
        key: 'approve',
        label: '上级机关的决定',
        type: 'agree',
        required: true,
        options: { true: '准予许可', false: '不予许可' },
      },
      { key: 'documentNo', label: '批复文号', type: 'text', required: true },
      { key: 'reason', label: '决定理由', type: 'textarea', required: true },
      { key: 'legalBasis', label: '法律依据', type: 'text', when: (v) => v.approve === false },
    ],
    initial: () => ({ approve: true }),
    run: (c, v) =>
      api.cases.forwardAnswer(c.id, {
        approve: Boolean(v.approve),
        documentNo: s(v.documentNo),
        reason: s(v.reason),
        legalBasis: s(v.legalBasis) || undefined,
      }),
  },
  {
    action: 'SUSPEND',
    label: '特别程序',
    roles: [Role.APPROVER],
    type: 'warning',
    fields: [
      { key: 'kind', label: '程序', type: 'select', options: SPECIAL, required: true },
      { key: 'expectedDays', label: '预计所需工作日', type: 'number', required: true },
      { key: 'notice', label: '告知申请人的内容', type: 'textarea', required: true },
    ],
    initial: () => ({ kind: 'EXPERT_REVIEW', expectedDays: 5 }),
    run: (c, v) =>
      api.cases.suspend(c.id, {
        kind: v.kind as 'EXPERT_REVIEW',
        expectedDays: Number(v.expectedDays),
        notice: s(v.notice),
      }),
  },
  {
    action: 'ARRANGE_INSPECTION',
    needs: 'SUSPEND',
    label: '联合踏勘',
    roles: [Role.APPROVER],
    type: 'warning',
    fields: [
      { key: 'date', label: '踏勘日期', type: 'date', required: true },
      {
        key: 'departmentIds',
        label: '参加部门（至少两个）',
        type: 'checks',
        required: true,
        optionsOf: (c) => ({
          [c.departmentId]: '本部门（牵头）',
          ...Object.fromEntries(c.subtasks.map((t) => [t.departmentId, t.departmentName])),
        }),
      },
      { key: 'expectedDays', label: '预计所需工作日', type: 'number', required: true },
      { key: 'notice', label: '告知申请人的内容（集合时间地点、需准备的事项）', type: 'textarea', required: true },
    ],
    initial: (c) => ({
      departmentIds: [c.departmentId, ...new Set(c.subtasks.map((t) => t.departmentId))],
      expectedDays: 3,
    }),
    show: (c) => c.subtasks.length > 0,
    run: (c, v) =>
      api.cases.arrangeInspection(c.id, {
        date: s(v.date),
        departmentIds: v.departmentIds as string[],
        expectedDays: Number(v.expectedDays),
        notice: s(v.notice),
      }),
  },
  {
    action: 'RESUME',
    label: '特别程序结束，恢复计时',
    roles: [Role.APPROVER],
    type: 'primary',
    fields: [],
    // A joint inspection resumes by itself once every department's findings are in.
    show: (c) => !c.inspections.some((i) => i.state === 'ARRANGED'),
    run: (c) => api.cases.resume(c.id),
  },
  {
    action: 'EXTEND',
    label: '申请延期',
    roles: [Role.CLERK, Role.APPROVER],
    fields: [
      { key: 'days', label: '延长工作日', type: 'number', required: true },
      { key: 'reason', label: '理由（将告知申请人）', type: 'textarea', required: true },
    ],
    initial: () => ({ days: 5 }),
    show: (c) => !c.pendingExtension,
    run: (c, v) => api.cases.requestExtension(c.id, { days: Number(v.days), reason: s(v.reason) }),
  },
  {
    action: 'DECIDE_EXTENSION',
    label: '审批延期',
    roles: [Role.DEPT_LEAD],
    type: 'primary',
    fields: [
      { key: 'approve', label: '审批意见', type: 'agree', required: true, options: { true: '批准', false: '不批准' } },
    ],
    initial: () => ({ approve: true }),
    show: (c) => !!c.pendingExtension && (c.state === 'IN_REVIEW' || c.state === 'SUSPENDED'),
    run: (c, v) => api.cases.decideExtension(c.id, Boolean(v.approve)),
  },
  {
    action: 'DELIVER',
    label: '送达',
    roles: [Role.CLERK],
    type: 'primary',
    fields: [
      { key: 'method', label: '送达方式', type: 'select', options: DELIVERY_METHOD_LABELS, required: true },
      { key: 'carrier', label: '快递公司', type: 'text', when: (v) => v.method === 'MAIL' },
      { key: 'trackingNo', label: '运单号', type: 'text', when: (v) => v.method === 'MAIL' },
      { key: 'certificateNo', label: '证照编号', type: 'text' },
    ],
    initial: () => ({ method: 'PICKUP' }),
    run: (c, v) =>
      api.cases.deliver(c.id, {
        method: v.method as 'PICKUP',
        carrier: s(v.carrier) || undefined,
        trackingNo: s(v.trackingNo) || undefined,
        certificateNo: s(v.certificateNo) || undefined,
      }),
  },
  {
    action: 'WITHDRAW',
    label: '撤回（申请人书面申请）',
    roles: [Role.CLERK],
    type: 'danger',
    fields: [{ key: 'reason', label: '撤回理由', type: 'textarea', required: true }],
    run: (c, v) => api.cases.withdraw(c.id, { reason: s(v.reason) }),
  },
];

/** The actions this user can take on this case now: only the lead department's staff act on the case itself. */
export function availableActions(c: CaseDto, me: Principal | null): CaseActionSpec[] {
  if (!me || me.departmentId !== c.departmentId) return [];
  return CASE_ACTIONS.filter(
    (a) =>
      (a.action === 'DECIDE_EXTENSION' || c.allowedActions.includes(a.needs ?? (a.action as CaseAction))) &&
      me.roles.some((r) => a.roles.includes(r)) &&
      (!a.show || a.show(c)),
  );
}

const OUTCOMES: Record<SubtaskOutcome, string> = { APPROVED: '同意', REJECTED: '不同意', RETURNED: '退回牵头部门' };
const WORKING = new Set(['IN_REVIEW', 'SUSPENDED']);

/**
 * What this user can do with one sub-task: its co-department's clerk or approver gives the opinion while it is open;
 * the lead department's answers it once returned.
 */
export function subtaskActions(c: CaseDto, st: SubtaskDto, me: Principal | null): CaseActionSpec[] {
  const roles: Role[] = [Role.CLERK, Role.APPROVER];
  if (!me || !WORKING.has(c.state) || !me.roles.some((r) => roles.includes(r))) return [];
  if (st.state === 'OPEN' && me.departmentId === st.departmentId)
    return [
      {
        action: 'SUBTASK_OPINION',
        label: '出具协办意见',
        roles,
        type: 'primary',
        fields: [
          { key: 'outcome', label: '协办结论', type: 'select', options: OUTCOMES, required: true },
          { key: 'opinion', label: '意见（不同意写明理由；退回写明需补充的内容）', type: 'textarea', required: true },
          { key: 'conditions', label: '附加条件（可选）', type: 'textarea', when: (v) => v.outcome === 'APPROVED' },
          { key: 'legalBasis', label: '法律依据', type: 'text', required: true, when: (v) => v.outcome === 'REJECTED' },
        ],
        initial: () => ({ outcome: 'APPROVED' }),
        run: (_c, v) =>
          api.subtasks.conclude(st.id, {
            outcome: v.outcome as SubtaskOutcome,
            opinion: s(v.opinion),
            conditions: v.outcome === 'APPROVED' ? s(v.conditions) || undefined : undefined,
            legalBasis: v.outcome === 'REJECTED' ? s(v.legalBasis) : undefined,
          }),
      },
    ];
  if (st.state === 'RETURNED' && subtaskPending(st) && me.departmentId === c.departmentId)
    return [
      {
        action: 'SUBTASK_ANSWER',
        label: '答复退回',
        roles,
        type: 'warning',
        fields: [{ key: 'answer', label: '答复（该部门将重新协办，重新计时）', type: 'textarea', required: true }],
        run: (_c, v) => api.subtasks.answer(st.id, { answer: s(v.answer) }),
      },
    ];
  return [];
}

/** A department taking part in an arranged joint inspection records its findings, once. */
export function findingsActions(inspection: InspectionDto, me: Principal | null): CaseActionSpec[] {
  const roles: Role[] = [Role.CLERK, Role.APPROVER, Role.DEPT_LEAD];
  const mine = inspection.parts.find((p) => p.departmentId === me?.departmentId);
  if (!me || inspection.state !== 'ARRANGED' || !mine || mine.recordedAt || !me.roles.some((r) => roles.includes(r)))
    return [];
  return [
    {
      action: 'RECORD_FINDINGS',
      label: '提交踏勘意见',
      roles,
      type: 'primary',
      fields: [{ key: 'findings', label: '本部门的踏勘意见', type: 'textarea', required: true }],
      run: (_c, v) => api.cases.recordFindings(inspection.id, { findings: s(v.findings) }),
    },
  ];
}
