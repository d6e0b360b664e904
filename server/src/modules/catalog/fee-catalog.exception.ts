import { ErrorCode } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class FeesException extends DomainException {}

export const FeeErrors = {
  notFound: (code: string) => new FeesException(ErrorCode.FEE_ITEM_NOT_FOUND, 404, `收费项目 ${code} 不存在`),
  codeTaken: (code: string) => new FeesException(ErrorCode.FEE_ITEM_CODE_TAKEN, 409, `收费项目编码 ${code} 已被使用`),
  rangeInverted: () =>
    new FeesException(ErrorCode.FEE_STANDARD_INVALID, 400, '收费标准的下限不能高于上限', {
      fields: { maxFen: ['不能低于下限'] },
    }),
};
