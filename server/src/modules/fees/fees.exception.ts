import { ErrorCode, formatFen } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class FeesException extends DomainException {}

const field = (path: string, message: string) => ({ fields: { [path]: [message] } });

export const FeeErrors = {
  notChargeable: () => new FeesException(ErrorCode.FEE_NOT_CHARGEABLE, 409, '该事项不收费，不能核定费用'),
  notOnVersion: (path: string, code: string) =>
    new FeesException(
      ErrorCode.FEE_NOT_CHARGEABLE,
      400,
      `收费项目 ${code} 不在本事项的收费目录中，不得收取`,
      field(path, `收费项目 ${code} 不在本事项的收费目录中`),
    ),
  noLegalBasis: (path: string, code: string) =>
    new FeesException(
      ErrorCode.FEE_NO_LEGAL_BASIS,
      400,
      `收费项目 ${code} 已停用或没有法律依据，不得收取`,
      field(path, '已停用或没有法律依据'),
    ),
  aboveStandard: (path: string, name: string, capFen: number) =>
    new FeesException(
      ErrorCode.FEE_ABOVE_STANDARD,
      400,
      `“${name}”的金额超过收费标准（最高 ${formatFen(capFen)}），不得收取`,
      field(path, `超过收费标准（最高 ${formatFen(capFen)}）`),
    ),
  belowStandard: (path: string, name: string, floorFen: number) =>
    new FeesException(
      ErrorCode.FEE_BELOW_STANDARD,
      400,
      `“${name}”的金额低于收费标准（${formatFen(floorFen)}）：少收须按减免办理并经审批`,
      field(path, `低于收费标准（${formatFen(floorFen)}）；减免请另行申请`),
    ),
  quantity: (path: string) =>
    new FeesException(ErrorCode.VALIDATION_FAILED, 400, '固定标准的收费项目数量只能为 1', field(path, '数量只能为 1')),
  duplicateItem: (path: string, code: string) =>
    new FeesException(
      ErrorCode.VALIDATION_FAILED,
      400,
      `收费项目 ${code} 重复：一个项目在通知书上只列一行`,
      field(path, '重复的收费项目'),
    ),
  noticeExists: () =>
    new FeesException(ErrorCode.FEE_NOTICE_EXISTS, 409, '本件已有有效的缴款通知书：如需更正，请先作废原通知书'),
  caseState: () => new FeesException(ErrorCode.FEE_NOTICE_STATE, 409, '本件当前状态不能核定费用（须已收件且尚未办结）'),
  noticeNotFound: () => new FeesException(ErrorCode.FEE_NOTICE_NOT_FOUND, 404, '缴款通知书不存在'),
  noticeState: (label: string) =>
    new FeesException(ErrorCode.FEE_NOTICE_STATE, 409, `缴款通知书${label}，不能进行此操作`),
  codeInvalid: () =>
    new FeesException(
      ErrorCode.FEE_PAYMENT_CODE_INVALID,
      400,
      '缴款码格式或校验位不正确',
      field('paymentCode', '缴款码为 20 位数字，校验位不符'),
    ),
  amountMismatch: (dueFen: number) =>
    new FeesException(
      ErrorCode.FEE_AMOUNT_MISMATCH,
      422,
      `缴款金额与通知书应缴金额 ${formatFen(dueFen)} 不符`,
      field('amountFen', `应为 ${dueFen} 分`),
    ),
  settled: () => new FeesException(ErrorCode.FEE_NOTICE_SETTLED, 409, '该通知书已缴清，不能重复缴款'),
  cancelled: () => new FeesException(ErrorCode.FEE_NOTICE_CANCELLED, 409, '该通知书已作废，请按新的通知书缴款'),
  bankTxnReused: () =>
    new FeesException(
      ErrorCode.FEE_BANK_TXN_REUSED,
      409,
      '该银行交易流水号已用于另一笔缴款',
      field('bankTransactionId', '流水号已被使用'),
    ),
  paidInFuture: () =>
    new FeesException(ErrorCode.VALIDATION_FAILED, 400, '缴款时间晚于服务器时间', field('paidAt', '不能晚于当前时间')),
  unpaid: (dueFen: number, code: string) =>
    new FeesException(
      ErrorCode.FEES_UNPAID,
      409,
      `本件尚有未缴费用 ${formatFen(dueFen)}（缴款码 ${code}），缴清后方可送达办结`,
      { dueFen, paymentCode: code },
    ),
  noReceiptBook: () => new FeesException(ErrorCode.FEE_NO_RECEIPT_BOOK, 409, '没有可用的票据：请财务先登记票据'),
  bookOverlap: () =>
    new FeesException(
      ErrorCode.FEE_RECEIPT_BOOK_OVERLAP,
      409,
      '该票据号段与已登记的票据重叠',
      field('firstNo', '号段重叠'),
    ),
  bookRange: () =>
    new FeesException(ErrorCode.VALIDATION_FAILED, 400, '票据止号不能小于起号', field('lastNo', '不能小于起号')),
  bookNotFound: () => new FeesException(ErrorCode.NOT_FOUND, 404, '票据不存在'),
  receiptNotFound: () => new FeesException(ErrorCode.FEE_RECEIPT_NOT_FOUND, 404, '票据号码不存在或校验码不符'),
  receiptState: () => new FeesException(ErrorCode.FEE_RECEIPT_STATE, 409, '该票据已作废'),
  adjustmentNotFound: () => new FeesException(ErrorCode.FEE_ADJUSTMENT_NOT_FOUND, 404, '减免/退费申请不存在'),
  adjustmentState: () => new FeesException(ErrorCode.FEE_ADJUSTMENT_STATE, 409, '该申请已审批，不能再次审批'),
  adjustmentAmount: (maxFen: number) =>
    new FeesException(
      ErrorCode.FEE_ADJUSTMENT_AMOUNT,
      400,
      `金额超过可${maxFen ? `办理的 ${formatFen(maxFen)}` : '办理的范围'}`,
      field('amountFen', `最多 ${maxFen} 分`),
    ),
  adjustmentKind: (label: string) => new FeesException(ErrorCode.FEE_ADJUSTMENT_STATE, 409, label),
  secondApprover: () =>
    new FeesException(ErrorCode.FEE_SECOND_APPROVER_REQUIRED, 403, '减免和退费须由申请人以外的部门负责人或财务审批'),
  statementInvalid: (message: string, details?: Record<string, unknown>) =>
    new FeesException(ErrorCode.FEE_STATEMENT_INVALID, 400, message, details),
  statementExists: (day: string) => new FeesException(ErrorCode.FEE_STATEMENT_EXISTS, 409, `${day} 的银行对账单已导入`),
  statementNotFound: () => new FeesException(ErrorCode.NOT_FOUND, 404, '对账记录不存在'),
  differenceNotFound: () => new FeesException(ErrorCode.FEE_DIFFERENCE_NOT_FOUND, 404, '对账差异不存在'),
  differenceResolved: () => new FeesException(ErrorCode.FEE_DIFFERENCE_RESOLVED, 409, '该差异已处理'),
};
