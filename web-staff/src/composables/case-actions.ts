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
/** The special procedures one may start by hand, read when the form opens (the code table follows the locale). */
const special = () =>
  Object.fromEntries(
    Object.entries(PAUSE_REASON_LABELS).filter(([k]) => k !== 'SUPPLEMENT' && k !== 'JOINT_INSPECTION'),
  );

export const CASE_ACTIONS: CaseActionSpec[] = [
  {
    action: 'ACCEPT',
    label: 'caseActions.ACCEPT',
    roles: [Role.CLERK],
    type: 'primary',
    fields: [
      {
        key: 'deferredPromiseDate',
        label: 'caseActions.ACCEPT_deferredPromiseDate',
        type: 'date',
        required: true,
        when: (_v, c) => c.materials.some((m) => m.status === 'DEFERRED'),
      },
      { key: 'opinion', label: 'caseActions.ACCEPT_opinion', type: 'textarea' },
    ],
    run: (c, v) =>
      api.cases.accept(c.id, {
        deferredPromiseDate: s(v.deferredPromiseDate) || undefined,
        opinion: s(v.opinion) || undefined,
      }),
  },
  {
    action: 'REQUEST_SUPPLEMENT',
    label: 'caseActions.REQUEST_SUPPLEMENT',
    roles: [Role.CLERK],
    type: 'warning',
    fields: [{ key: 'items', label: 'caseActions.REQUEST_SUPPLEMENT_items', type: 'supplement', required: true }],
    initial: () => ({ items: [] }),
    run: (c, v) => api.cases.supplement(c.id, { items: v.items as { materialIndex: number | null; text: string }[] }),
  },
  {
    action: 'REJECT',
    label: 'caseActions.REJECT',
    roles: [Role.CLERK],
    type: 'danger',
    fields: [
      { key: 'reason', label: 'caseActions.REJECT_reason', type: 'textarea', required: true },
      { key: 'legalBasis', label: 'caseActions.REJECT_legalBasis', type: 'text', required: true },
    ],
    run: (c, v) => api.cases.reject(c.id, { reason: s(v.reason), legalBasis: s(v.legalBasis) }),
  },
  {
    action: 'SUPPLY',
    label: 'caseActions.SUPPLY',
    roles: [Role.CLERK],
    type: 'primary',
    fields: [
      { key: 'materialIndexes', label: 'caseActions.SUPPLY_materialIndexes', type: 'materials', required: true },
    ],
    initial: (c) => ({
      materialIndexes: c.supplementItems.filter((i) => i.materialIndex !== null).map((i) => i.materialIndex),
    }),
    run: (c, v) => api.cases.supply(c.id, { materialIndexes: v.materialIndexes as number[] }),
  },
  {
    action: 'CLOSE_UNSUPPLIED',
    label: 'caseActions.CLOSE_UNSUPPLIED',
    roles: [Role.CLERK],
    fields: [{ key: 'reason', label: 'caseActions.CLOSE_UNSUPPLIED_reason', type: 'textarea', required: true }],
    run: (c, v) => api.cases.closeUnsupplied(c.id, { reason: s(v.reason) }),
  },
  {
    action: 'REVIEW',
    label: 'caseActions.REVIEW',
    roles: [Role.CLERK, Role.APPROVER],
    type: 'primary',
    fields: [
      { key: 'agree', label: 'caseActions.REVIEW_agree', type: 'agree', required: true },
      { key: 'opinion', label: 'caseActions.REVIEW_opinion', type: 'textarea', required: true },
    ],
    initial: () => ({ agree: true }),
    show: (c) => taskOpen(c, 'REVIEW'),
    run: (c, v) => api.cases.review(c.id, { agree: Boolean(v.agree), opinion: s(v.opinion) }),
  },
  {
    action: 'DECIDE',
    label: 'caseActions.DECIDE',
    roles: [Role.APPROVER],
    type: 'primary',
    fields: [
      {
        key: 'approve',
        label: 'caseActions.DECIDE_approve',
        type: 'agree',
        required: true,
        options: { true: 'caseActions.opt_grant', false: 'caseActions.opt_refuse' },
      },
      { key: 'reason', label: 'caseActions.DECIDE_reason', type: 'textarea', required: true },
      { key: 'legalBasis', label: 'caseActions.DECIDE_legalBasis', type: 'text', when: (v) => v.approve === false },
      {
        key: 'overrideReason',
        label: 'caseActions.DECIDE_overrideReason',
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
    label: 'caseActions.FORWARD',
    roles: [Role.APPROVER],
    type: 'primary',
    fields: [
      { key: 'authority', label: 'caseActions.FORWARD_authority', type: 'text', required: true },
      { key: 'opinion', label: 'caseActions.FORWARD_opinion', type: 'textarea', required: true },
    ],
    show: (c) => c.handlingKind === 'REPORT_UP' && taskOpen(c, 'DECIDE'),
    run: (c, v) => api.cases.forward(c.id, { authority: s(v.authority), opinion: s(v.opinion) }),
  },
  {
    action: 'FORWARD_ANSWER',
    label: 'caseActions.FORWARD_ANSWER',
    roles: [Role.CLERK, Role.APPROVER],
    type: 'primary',
    fields: [
      {
        key: 'approve',
        label: 'caseActions.FORWARD_ANSWER_approve',
        type: 'agree',
        required: true,
        options: { true: 'caseActions.opt_grant', false: 'caseActions.opt_refuse' },
      },
      { key: 'documentNo', label: 'caseActions.FORWARD_ANSWER_documentNo', type: 'text', required: true },
      { key: 'reason', label: 'caseActions.FORWARD_ANSWER_reason', type: 'textarea', required: true },
      {
        key: 'legalBasis',
        label: 'caseActions.FORWARD_ANSWER_legalBasis',
        type: 'text',
        when: (v) => v.approve === false,
      },
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
    label: 'caseActions.SUSPEND',
    roles: [Role.APPROVER],
    type: 'warning',
    fields: [
      { key: 'kind', label: 'caseActions.SUSPEND_kind', type: 'select', optionsOf: special, required: true },
      { key: 'expectedDays', label: 'caseActions.SUSPEND_expectedDays', type: 'number', required: true },
      { key: 'notice', label: 'caseActions.SUSPEND_notice', type: 'textarea', required: true },
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
    label: 'caseActions.ARRANGE_INSPECTION',
    roles: [Role.APPROVER],
    type: 'warning',
    fields: [
      { key: 'date', label: 'caseActions.ARRANGE_INSPECTION_date', type: 'date', required: true },
      {
        key: 'departmentIds',
        label: 'caseActions.ARRANGE_INSPECTION_departmentIds',
        type: 'checks',
        required: true,
        optionsOf: (c) => ({
          [c.departmentId]: 'caseActions.opt_leadDepartment',
          ...Object.fromEntries(c.subtasks.map((t) => [t.departmentId, t.departmentName])),
        }),
      },
      { key: 'expectedDays', label: 'caseActions.ARRANGE_INSPECTION_expectedDays', type: 'number', required: true },
      { key: 'notice', label: 'caseActions.ARRANGE_INSPECTION_notice', type: 'textarea', required: true },
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
    label: 'caseActions.RESUME',
    roles: [Role.APPROVER],
    type: 'primary',
    fields: [],
    // A joint inspection resumes by itself once every department's findings are in.
    show: (c) => !c.inspections.some((i) => i.state === 'ARRANGED'),
    run: (c) => api.cases.resume(c.id),
  },
  {
    action: 'EXTEND',
    label: 'caseActions.EXTEND',
    roles: [Role.CLERK, Role.APPROVER],
    fields: [
      { key: 'days', label: 'caseActions.EXTEND_days', type: 'number', required: true },
      { key: 'reason', label: 'caseActions.EXTEND_reason', type: 'textarea', required: true },
    ],
    initial: () => ({ days: 5 }),
    show: (c) => !c.pendingExtension,
    run: (c, v) => api.cases.requestExtension(c.id, { days: Number(v.days), reason: s(v.reason) }),
  },
  {
    action: 'DECIDE_EXTENSION',
    label: 'caseActions.DECIDE_EXTENSION',
    roles: [Role.DEPT_LEAD],
    type: 'primary',
    fields: [
      {
        key: 'approve',
        label: 'caseActions.DECIDE_EXTENSION_approve',
        type: 'agree',
        required: true,
        options: { true: 'caseActions.opt_approve', false: 'caseActions.opt_notApprove' },
      },
    ],
    initial: () => ({ approve: true }),
    show: (c) => !!c.pendingExtension && (c.state === 'IN_REVIEW' || c.state === 'SUSPENDED'),
    run: (c, v) => api.cases.decideExtension(c.id, Boolean(v.approve)),
  },
  {
    action: 'DELIVER',
    label: 'caseActions.DELIVER',
    roles: [Role.CLERK],
    type: 'primary',
    fields: [
      {
        key: 'method',
        label: 'caseActions.DELIVER_method',
        type: 'select',
        options: DELIVERY_METHOD_LABELS,
        required: true,
      },
      { key: 'carrier', label: 'caseActions.DELIVER_carrier', type: 'text', when: (v) => v.method === 'MAIL' },
      { key: 'trackingNo', label: 'caseActions.DELIVER_trackingNo', type: 'text', when: (v) => v.method === 'MAIL' },
      { key: 'certificateNo', label: 'caseActions.DELIVER_certificateNo', type: 'text' },
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
    label: 'caseActions.WITHDRAW',
    roles: [Role.CLERK],
    type: 'danger',
    fields: [{ key: 'reason', label: 'caseActions.WITHDRAW_reason', type: 'textarea', required: true }],
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

const OUTCOMES: Record<SubtaskOutcome, string> = {
  APPROVED: 'caseActions.opt_agree',
  REJECTED: 'caseActions.opt_disagree',
  RETURNED: 'caseActions.opt_return',
};
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
        label: 'caseActions.SUBTASK_OPINION',
        roles,
        type: 'primary',
        fields: [
          {
            key: 'outcome',
            label: 'caseActions.SUBTASK_OPINION_outcome',
            type: 'select',
            options: OUTCOMES,
            required: true,
          },
          { key: 'opinion', label: 'caseActions.SUBTASK_OPINION_opinion', type: 'textarea', required: true },
          {
            key: 'conditions',
            label: 'caseActions.SUBTASK_OPINION_conditions',
            type: 'textarea',
            when: (v) => v.outcome === 'APPROVED',
          },
          {
            key: 'legalBasis',
            label: 'caseActions.SUBTASK_OPINION_legalBasis',
            type: 'text',
            required: true,
            when: (v) => v.outcome === 'REJECTED',
          },
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
        label: 'caseActions.SUBTASK_ANSWER',
        roles,
        type: 'warning',
        fields: [{ key: 'answer', label: 'caseActions.SUBTASK_ANSWER_answer', type: 'textarea', required: true }],
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
      label: 'caseActions.RECORD_FINDINGS',
      roles,
      type: 'primary',
      fields: [{ key: 'findings', label: 'caseActions.RECORD_FINDINGS_findings', type: 'textarea', required: true }],
      run: (_c, v) => api.cases.recordFindings(inspection.id, { findings: s(v.findings) }),
    },
  ];
}
