import { type CaseDto, type InspectionDto, type Principal, Role, type SubtaskDto } from '@onewindow/shared';
import { describe, expect, it } from 'vitest';
import { availableActions, findingsActions, subtaskActions } from '../src/composables/case-actions';

const staff = (departmentId: string, ...roles: Role[]): Principal => ({
  id: `${departmentId}-${roles.join()}`,
  kind: 'STAFF',
  name: '测试',
  roles,
  departmentId,
  windowId: null,
});
const subtask = (departmentId: string, state: SubtaskDto['state'], answeredAt: string | null = null) =>
  ({ id: `st-${departmentId}-${state}`, departmentId, state, answeredAt }) as SubtaskDto;
const joint = (subtasks: SubtaskDto[]) =>
  ({
    id: 'c1',
    departmentId: 'LEAD',
    state: 'IN_REVIEW',
    allowedActions: ['REVIEW', 'SUSPEND', 'EXTEND', 'DECIDE', 'WITHDRAW'],
    tasks: [{ kind: 'REVIEW', state: 'OPEN' }],
    subtasks,
    inspections: [],
    pendingExtension: null,
  }) as unknown as CaseDto;

describe('who may act on a joint case', () => {
  it('only the lead department acts on the case itself; a co-department reads it', () => {
    const c = joint([subtask('CO', 'OPEN')]);
    expect(availableActions(c, staff('LEAD', Role.CLERK)).map((a) => a.action)).toContain('REVIEW');
    expect(availableActions(c, staff('CO', Role.CLERK))).toEqual([]);
    expect(availableActions(c, null)).toEqual([]);
  });

  it('a co-department’s clerk or approver gives the opinion on its own open sub-task, nobody else', () => {
    const open = subtask('CO', 'OPEN');
    const c = joint([open]);
    expect(subtaskActions(c, open, staff('CO', Role.APPROVER)).map((a) => a.action)).toEqual(['SUBTASK_OPINION']);
    expect(subtaskActions(c, open, staff('OTHER', Role.CLERK))).toEqual([]);
    expect(subtaskActions(c, open, staff('LEAD', Role.CLERK))).toEqual([]);
    expect(subtaskActions(c, open, staff('CO', Role.DEPT_LEAD))).toEqual([]);
    expect(subtaskActions({ ...c, state: 'APPROVED' }, open, staff('CO', Role.CLERK))).toEqual([]);
  });

  it('the lead answers a return once; the returning department cannot', () => {
    const returned = subtask('CO', 'RETURNED');
    const c = joint([returned]);
    expect(subtaskActions(c, returned, staff('LEAD', Role.CLERK)).map((a) => a.action)).toEqual(['SUBTASK_ANSWER']);
    expect(subtaskActions(c, returned, staff('CO', Role.CLERK))).toEqual([]);
    const answered = subtask('CO', 'RETURNED', '2026-10-01T00:00:00.000Z');
    expect(subtaskActions(joint([answered]), answered, staff('LEAD', Role.CLERK))).toEqual([]);
  });

  it('asks the approver for the override reason only when approving over a 不同意', () => {
    const decide = {
      ...joint([subtask('CO', 'REJECTED')]),
      tasks: [{ kind: 'DECIDE', state: 'OPEN' }],
    } as unknown as CaseDto;
    const spec = availableActions(decide, staff('LEAD', Role.APPROVER)).find((a) => a.action === 'DECIDE')!;
    const override = spec.fields.find((f) => f.key === 'overrideReason')!;
    expect(override.when!({ approve: true }, decide)).toBe(true);
    expect(override.when!({ approve: false }, decide)).toBe(false);
    expect(override.when!({ approve: true }, joint([subtask('CO', 'APPROVED')]))).toBe(false);
  });

  it('offers 联合踏勘 to the lead’s approver on a joint case, and the findings once to each department taking part', () => {
    const c = joint([subtask('CO', 'OPEN')]);
    expect(availableActions(c, staff('LEAD', Role.APPROVER)).map((a) => a.action)).toContain('ARRANGE_INSPECTION');
    expect(availableActions(joint([]), staff('LEAD', Role.APPROVER)).map((a) => a.action)).not.toContain(
      'ARRANGE_INSPECTION',
    );
    const inspection = {
      id: 'i1',
      state: 'ARRANGED',
      parts: [
        { departmentId: 'LEAD', recordedAt: null },
        { departmentId: 'CO', recordedAt: '2026-10-26T01:00:00.000Z' },
      ],
    } as InspectionDto;
    expect(findingsActions(inspection, staff('LEAD', Role.CLERK)).map((a) => a.action)).toEqual(['RECORD_FINDINGS']);
    expect(findingsActions(inspection, staff('CO', Role.CLERK))).toEqual([]);
    expect(findingsActions(inspection, staff('OTHER', Role.CLERK))).toEqual([]);
    expect(findingsActions({ ...inspection, state: 'DONE' }, staff('LEAD', Role.CLERK))).toEqual([]);
  });
});
