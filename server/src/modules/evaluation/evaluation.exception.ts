import { ErrorCode } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class EvaluationException extends DomainException {}

const field = (path: string, message: string) => ({ fields: { [path]: [message] } });

export const EvaluationErrors = {
  terminalToken: () =>
    new EvaluationException(
      ErrorCode.TERMINAL_TOKEN_INVALID,
      401,
      '评价器未绑定或已被停用：请窗口工作人员在工作台重新绑定',
    ),
  noWindow: () =>
    new EvaluationException(
      ErrorCode.VALIDATION_FAILED,
      400,
      '您没有安排窗口：只能为本人所在窗口绑定评价器',
      field('windowId', '没有窗口'),
    ),
  eventNotFound: () =>
    new EvaluationException(ErrorCode.SERVICE_EVENT_NOT_FOUND, 404, '没有待评价的服务，或已被新的服务取代'),
  alreadyRated: () => new EvaluationException(ErrorCode.ALREADY_RATED, 409, '这次服务已经评价过了，谢谢'),
  caseAlreadyRated: () => new EvaluationException(ErrorCode.ALREADY_RATED, 409, '该办件已经评价过了，每件只能评价一次'),
  notOpen: (why: string) => new EvaluationException(ErrorCode.RATING_NOT_OPEN, 409, why),
  ratingNotFound: () => new EvaluationException(ErrorCode.RATING_NOT_FOUND, 404, '评价不存在'),
  problemRequired: () =>
    new EvaluationException(
      ErrorCode.RATING_PROBLEM_REQUIRED,
      400,
      '不满意的评价请选择存在的问题',
      field('problems', '请至少选择一项问题'),
    ),
  indicator: (code: string) =>
    new EvaluationException(
      ErrorCode.VALIDATION_FAILED,
      400,
      `评价指标 ${code} 不在现行指标体系中`,
      field(`indicators.${code}`, '不是现行评价指标'),
    ),
  rectificationNotFound: () => new EvaluationException(ErrorCode.RECTIFICATION_NOT_FOUND, 404, '整改记录不存在'),
  rectificationState: (label: string) =>
    new EvaluationException(ErrorCode.RECTIFICATION_STATE, 409, `整改记录当前为“${label}”，不能进行此操作`),
  appealNotFound: () => new EvaluationException(ErrorCode.APPEAL_NOT_FOUND, 404, '申诉不存在'),
  appealExists: () => new EvaluationException(ErrorCode.APPEAL_PENDING, 409, '该评价已经申诉过，每条评价只能申诉一次'),
  appealState: (label: string) => new EvaluationException(ErrorCode.APPEAL_STATE, 409, `申诉已“${label}”，不能再复核`),
  complaintNotFound: () =>
    new EvaluationException(ErrorCode.COMPLAINT_NOT_FOUND, 404, '投诉不存在，或编号、查询码不正确'),
  complaintState: (label: string, action: string) =>
    new EvaluationException(ErrorCode.COMPLAINT_STATE, 409, `投诉当前为“${label}”，不能${action}`),
  contactRequired: () =>
    new EvaluationException(
      ErrorCode.COMPLAINT_CONTACT_REQUIRED,
      400,
      '匿名投诉请留下手机号码，以便答复',
      field('contactPhone', '请填写手机号码'),
    ),
  subjectMissing: (path: string, what: string) =>
    new EvaluationException(ErrorCode.VALIDATION_FAILED, 400, `请指明被投诉的${what}`, field(path, `请填写${what}`)),
  subjectUnknown: (path: string, what: string) =>
    new EvaluationException(ErrorCode.VALIDATION_FAILED, 400, `没有找到该${what}`, field(path, `没有找到该${what}`)),
  noStaffToCard: () =>
    new EvaluationException(
      ErrorCode.VALIDATION_FAILED,
      400,
      '该投诉没有指明责任人，不能对个人出牌',
      field('cardStaff', '没有责任人'),
    ),
  schemePending: (v: number) => new EvaluationException(ErrorCode.SCHEME_PENDING, 409, `考核方案第 ${v} 版正等待签认`),
  schemeNotFound: (v: number) => new EvaluationException(ErrorCode.SCHEME_NOT_FOUND, 404, `考核方案第 ${v} 版不存在`),
  schemeState: (v: number, label: string) =>
    new EvaluationException(ErrorCode.SCHEME_STATE, 409, `考核方案第 ${v} 版当前为“${label}”，不能签认`),
  schemeSelf: () => new EvaluationException(ErrorCode.SCHEME_SELF_SIGN_OFF, 409, '不能签认自己提出的考核方案'),
  period: () =>
    new EvaluationException(
      ErrorCode.PERIOD_INVALID,
      400,
      '考核期应为年份（2026）或季度（2026Q4）',
      field('period', '应为 2026 或 2026Q4'),
    ),
  notEligible: (name: string, why: string) =>
    new EvaluationException(ErrorCode.AWARD_NOT_ELIGIBLE, 409, `${name}不符合评选条件：${why}`),
};
