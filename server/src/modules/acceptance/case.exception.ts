import { CASE_ACTION_LABELS, CASE_STATE_LABELS, type CaseAction, type CaseState, ErrorCode } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class CaseException extends DomainException {}

export const CaseErrors = {
  notFound: () => new CaseException(ErrorCode.CASE_NOT_FOUND, 404, '办件不存在'),
  /** The one answer to an action the case's state does not allow: the code names the state. */
  notAllowed: (state: CaseState, action: CaseAction) =>
    new CaseException(
      ErrorCode[`CASE_STATE_${state}`],
      409,
      `办件当前为“${CASE_STATE_LABELS[state]}”，不能${CASE_ACTION_LABELS[action]}`,
      { state, action },
    ),
  matterNotOpen: () => new CaseException(ErrorCode.CASE_MATTER_NOT_OPEN, 409, '该事项未发布或已撤回，不能申请'),
  notOnline: () => new CaseException(ErrorCode.CASE_MATTER_NOT_ONLINE, 409, '该事项不支持网上申请，请到窗口办理'),
  materialsIncomplete: (names: string[]) =>
    new CaseException(ErrorCode.CASE_MATERIALS_INCOMPLETE, 400, `必需材料未提交：${names.join('、')}`, {
      materials: names,
    }),
  materialUnknown: (index: number) =>
    new CaseException(ErrorCode.CASE_MATERIAL_UNKNOWN, 400, `材料序号 ${index} 不在该事项的材料清单中`),
  notDeferrable: (names: string[]) =>
    new CaseException(ErrorCode.CASE_NOT_DEFERRABLE, 400, `以下材料不允许容缺：${names.join('、')}`),
  promiseNeeded: () =>
    new CaseException(ErrorCode.CASE_PROMISE_DATE_INVALID, 400, '容缺受理须填写申请人承诺补交的日期'),
  promiseTooLate: (latest: string) =>
    new CaseException(ErrorCode.CASE_PROMISE_DATE_INVALID, 400, `承诺补交日期须在今天之后、办结期限（${latest}）之前`),
  secondSupplement: () =>
    new CaseException(
      ErrorCode.CASE_SUPPLEMENT_ONCE,
      409,
      '补正须一次性告知：第二次补正通知只能针对第一次通知后新提交的材料',
    ),
  supplementEmpty: () => new CaseException(ErrorCode.CASE_SUPPLEMENT_ONCE, 400, '补正通知须列出需要补正的材料'),
  extensionPending: () => new CaseException(ErrorCode.CASE_EXTENSION_PENDING, 409, '已有一项延期申请等待审批'),
  noExtension: () => new CaseException(ErrorCode.CASE_EXTENSION_PENDING, 409, '没有待审批的延期申请'),
  deliveryDetails: (field: string, msg: string) =>
    new CaseException(ErrorCode.VALIDATION_FAILED, 400, msg, { fields: { [field]: [msg] } }),
  progressNotFound: () => new CaseException(ErrorCode.CASE_NOT_FOUND, 404, '编号或查询码不正确'),
  keyProjectNotFound: () => new CaseException(ErrorCode.KEY_PROJECT_NOT_FOUND, 404, '重点项目不存在'),
  keyProjectExists: (code: string) =>
    new CaseException(ErrorCode.KEY_PROJECT_EXISTS, 409, `项目代码 ${code} 已列为重点项目`, {
      fields: { projectCode: ['该项目已列为重点项目'] },
    }),
  keyProjectRevoked: () => new CaseException(ErrorCode.KEY_PROJECT_REVOKED, 409, '该重点项目已撤销'),
  bundleNotFound: () => new CaseException(ErrorCode.BUNDLE_NOT_FOUND, 404, '一件事申请不存在'),
  bundleNothingTo: (what: string) => new CaseException(ErrorCode.BUNDLE_STATE, 409, `该一件事没有可${what}的办件`),
  bundleNotDecided: (names: string[]) =>
    new CaseException(ErrorCode.BUNDLE_NOT_DECIDED, 409, `以下事项尚未作出决定，不能统一送达：${names.join('、')}`, {
      matters: names,
    }),
  bundlePartUnknown: (caseId: string) =>
    new CaseException(ErrorCode.VALIDATION_FAILED, 400, '证照编号对应的办件不在本件待送达之列', {
      fields: { certificates: [`办件 ${caseId} 不在本件待送达之列`] },
    }),
  notComprehensiveWindow: () =>
    new CaseException(ErrorCode.BUNDLE_NOT_COMPREHENSIVE_WINDOW, 403, '一件事由综合受理窗口的工作人员收件、受理和送达'),
  notOverdue: () => new CaseException(ErrorCode.CASE_NOT_OVERDUE, 409, '受理期限尚未届满，不能视为受理'),
};
