import { ErrorCode } from '@onewindow/shared';
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
  denialNeedsBasis: () =>
    new ApprovalException(ErrorCode.VALIDATION_FAILED, 400, '不予许可须说明理由和法律依据', {
      fields: { legalBasis: ['不予许可须写明法律依据'] },
    }),
};
