import { ErrorCode } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class OrganizationException extends DomainException {}

export const OrgErrors = {
  departmentNotFound: () => new OrganizationException(ErrorCode.ORG_DEPARTMENT_NOT_FOUND, 404, '部门不存在'),
  departmentCodeTaken: () => new OrganizationException(ErrorCode.ORG_DEPARTMENT_CODE_TAKEN, 409, '部门编码已被使用'),
  creditCodeTaken: () =>
    new OrganizationException(ErrorCode.ORG_CREDIT_CODE_TAKEN, 409, '该统一社会信用代码已登记给其他部门'),
  parentCycle: () => new OrganizationException(ErrorCode.ORG_PARENT_CYCLE, 400, '上级部门不能是本部门或其下级部门'),
  windowNotFound: () => new OrganizationException(ErrorCode.ORG_WINDOW_NOT_FOUND, 404, '窗口不存在'),
  windowNumberTaken: () => new OrganizationException(ErrorCode.ORG_WINDOW_NUMBER_TAKEN, 409, '窗口编号已被使用'),
  windowDepartmentMismatch: () =>
    new OrganizationException(
      ErrorCode.ORG_WINDOW_DEPARTMENT_MISMATCH,
      400,
      '部门窗口只能安排本部门人员（综合窗口除外）',
    ),
  staffNotFound: () => new OrganizationException(ErrorCode.ORG_STAFF_NOT_FOUND, 404, '工作人员不存在'),
  backupInvalid: (why: string) => new OrganizationException(ErrorCode.ORG_BACKUP_INVALID, 400, `AB岗设置无效：${why}`),
  roleInvalid: () => new OrganizationException(ErrorCode.ORG_ROLE_INVALID, 400, '工作人员不能被授予申请人角色'),
};
