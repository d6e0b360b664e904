import { ErrorCode } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class ApplicantException extends DomainException {}

export const ApplicantErrors = {
  idNumberTaken: () =>
    new ApplicantException(ErrorCode.APPLICANT_ID_NUMBER_TAKEN, 409, '该身份证号已注册，请直接登录或找回密码'),
  phoneTaken: () => new ApplicantException(ErrorCode.APPLICANT_PHONE_TAKEN, 409, '该手机号已注册，请直接登录'),
  organizationRequired: () =>
    new ApplicantException(ErrorCode.VALIDATION_FAILED, 400, '法人注册须填写单位名称和统一社会信用代码', {
      fields: { organizationName: ['法人注册必填'], creditCode: ['法人注册必填'] },
    }),
};
