import {
  CASE_STATE_LABELS,
  type CaseState,
  ErrorCode,
  SUBTASK_STATE_LABELS,
  type SubtaskState,
} from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class ApprovalException extends DomainException {}

export const ApprovalErrors = {
  notYourTask: () =>
    new ApprovalException(
      ErrorCode.CASE_TASK_NOT_YOURS,
      403,
      '该任务已分配给其他工作人员；只有本人或其在岗的 AB 岗可以办理',
    ),
  reviewFirst: () => new ApprovalException(ErrorCode.CASE_REVIEW_PENDING, 409, '审查尚未完成，不能作出决定'),
  reportUpDecidedAbove: () =>
    new ApprovalException(
      ErrorCode.CASE_REPORT_UP,
      409,
      '本事项为上报件，由上级机关作出决定：审查后请转报上级机关，批复下达后录入上级机关的决定',
    ),
  notReportUp: () =>
    new ApprovalException(ErrorCode.CASE_REPORT_UP, 409, '本事项不是上报件，由本部门作出决定，不能转报'),
  denialNeedsBasis: () =>
    new ApprovalException(ErrorCode.VALIDATION_FAILED, 400, '不予许可须说明理由和法律依据', {
      fields: { legalBasis: ['不予许可须写明法律依据'] },
    }),
  subtaskNotFound: () => new ApprovalException(ErrorCode.SUBTASK_NOT_FOUND, 404, '协办任务不存在'),
  subtaskState: (state: SubtaskState) =>
    new ApprovalException(ErrorCode.SUBTASK_STATE, 409, `协办任务${SUBTASK_STATE_LABELS[state]}，不能再办理`, {
      state,
    }),
  caseNotInReview: (state: CaseState) =>
    new ApprovalException(ErrorCode.SUBTASK_STATE, 409, `办件${CASE_STATE_LABELS[state]}，协办任务不能办理`, { state }),
  rejectionNeedsBasis: () =>
    new ApprovalException(ErrorCode.VALIDATION_FAILED, 400, '不同意须说明理由和法律依据', {
      fields: { legalBasis: ['不同意须写明法律依据'] },
    }),
  subtasksPending: (departments: string[]) =>
    new ApprovalException(
      ErrorCode.SUBTASKS_PENDING,
      409,
      `协办部门尚未全部出具意见（${departments.join('、')}），不能作出决定`,
      { departments },
    ),
  rejectedNeedsOverride: (departments: string[]) =>
    new ApprovalException(
      ErrorCode.SUBTASK_REJECTED_NEEDS_OVERRIDE,
      409,
      `${departments.join('、')}不同意；准予许可须写明不采纳其意见的理由`,
      { departments, fields: { overrideReason: ['协办部门不同意时，准予许可须写明理由'] } },
    ),
  inspectionNotFound: () => new ApprovalException(ErrorCode.INSPECTION_NOT_FOUND, 404, '联合踏勘不存在'),
  inspectionState: () =>
    new ApprovalException(ErrorCode.INSPECTION_STATE, 409, '本部门的踏勘意见已提交，或该次联合踏勘已结束'),
  inspectionInPast: (today: string) =>
    new ApprovalException(ErrorCode.VALIDATION_FAILED, 400, `踏勘日期不能早于今天（${today}）`, {
      fields: { date: [`不能早于 ${today}`] },
    }),
  inspectionDepartments: (why: string) =>
    new ApprovalException(ErrorCode.VALIDATION_FAILED, 400, `参加部门有误：${why}`, {
      fields: { departmentIds: [why] },
    }),
};
