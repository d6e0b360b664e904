import { ErrorCode, type FieldErrors } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class CatalogException extends DomainException {}

export const CatalogErrors = {
  /** The content names a department the center does not have. */
  unknownDepartment: () =>
    new DomainException(ErrorCode.VALIDATION_FAILED, 400, '提交的内容有误：事项内容部门不存在', {
      fields: { 'content.departmentId': ['不存在'] },
    }),
  matterNotFound: () => new CatalogException(ErrorCode.MATTER_NOT_FOUND, 404, '事项不存在'),
  codeTaken: (code: string) => new CatalogException(ErrorCode.MATTER_CODE_TAKEN, 409, `事项编码 ${code} 已被使用`),
  versionNotFound: () => new CatalogException(ErrorCode.MATTER_VERSION_NOT_FOUND, 404, '事项版本不存在'),
  immutable: (status: string) =>
    new CatalogException(
      ErrorCode.MATTER_VERSION_IMMUTABLE,
      409,
      `该版本${status === 'PUBLISHED' ? '已发布' : '已失效'}，不能修改；请复制为新草稿后修改并发布`,
    ),
  draftExists: () => new CatalogException(ErrorCode.MATTER_DRAFT_EXISTS, 409, '该事项已有一个草稿，请先编辑或发布它'),
  notPublishable: (fields: FieldErrors) =>
    new CatalogException(
      ErrorCode.MATTER_NOT_PUBLISHABLE,
      400,
      `事项尚不能发布：${Object.values(fields).flat().slice(0, 2).join('；')}`,
      { fields },
    ),
  notAWorkbook: () =>
    new CatalogException(
      ErrorCode.CATALOG_IMPORT_INVALID,
      400,
      '无法读取该文件：请上传由本系统导出的 Excel（.xlsx）模板',
      { rows: [], fileErrors: ['不是有效的 .xlsx 文件'] },
    ),
  lifeEventNotFound: () => new CatalogException(ErrorCode.LIFE_EVENT_NOT_FOUND, 404, '一件事不存在或未发布'),
  lifeEventNotPublishable: (fields: FieldErrors) =>
    new CatalogException(
      ErrorCode.LIFE_EVENT_NOT_PUBLISHABLE,
      400,
      `一件事尚不能发布：${Object.values(fields).flat().slice(0, 2).join('；')}`,
      { fields },
    ),
  lifeEventState: (msg: string) => new CatalogException(ErrorCode.LIFE_EVENT_STATE, 409, msg),
  notPublished: () => new CatalogException(ErrorCode.MATTER_NOT_PUBLISHED, 409, '该事项没有已发布的版本'),
};
