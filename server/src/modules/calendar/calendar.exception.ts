import { ErrorCode } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class CalendarException extends DomainException {}

export const CalendarErrors = {
  outOfRange: (date: string) =>
    new CalendarException(ErrorCode.CALENDAR_DATE_OUT_OF_RANGE, 400, `${date} 不在工作日历范围内，请先导入该年度日历`, {
      date,
    }),
  yearNotFound: (year: number) =>
    new CalendarException(ErrorCode.CALENDAR_DATE_OUT_OF_RANGE, 404, `工作日历中没有 ${year} 年`, { year }),
  kindMismatch: (date: string, why: string) =>
    new CalendarException(ErrorCode.CALENDAR_KIND_MISMATCH, 400, `${date}：${why}`, { date }),
  importInvalid: (problems: string[]) =>
    new CalendarException(
      ErrorCode.CALENDAR_IMPORT_INVALID,
      400,
      `导入内容有误：${problems.slice(0, 3).join('；')}${problems.length > 3 ? ` 等 ${problems.length} 处` : ''}`,
      { problems },
    ),
  clockNotFound: () => new CalendarException(ErrorCode.CLOCK_NOT_FOUND, 404, '计时不存在'),
  unknownDepartment: () =>
    new CalendarException(ErrorCode.VALIDATION_FAILED, 400, '提交的内容有误：部门不存在', {
      fields: { departmentId: ['不存在'] },
    }),
  unknownSubject: () =>
    new CalendarException(ErrorCode.VALIDATION_FAILED, 400, '提交的内容有误：计时对象不存在', {
      fields: { subjectId: ['不存在'] },
    }),
  notSubjectsDepartment: () =>
    new CalendarException(ErrorCode.VALIDATION_FAILED, 400, '提交的内容有误：部门与计时对象的承办部门不一致', {
      fields: { departmentId: ['与计时对象的承办部门不一致'] },
    }),
  alreadyPaused: () => new CalendarException(ErrorCode.CLOCK_ALREADY_PAUSED, 409, '计时已处于暂停状态，不能重复暂停'),
  notPaused: () => new CalendarException(ErrorCode.CLOCK_NOT_PAUSED, 409, '计时没有暂停，无需恢复'),
  stopped: () => new CalendarException(ErrorCode.CLOCK_STOPPED, 409, '计时已停止，不能再操作'),
  extensionUnit: () =>
    new CalendarException(
      ErrorCode.CLOCK_EXTENSION_UNIT,
      400,
      '只有以工作日计算的时限可以延期（行政许可法第四十二条）',
    ),
  extensionOverCap: (cap: number, used: number, requested: number) =>
    new CalendarException(
      ErrorCode.CLOCK_EXTENSION_OVER_CAP,
      400,
      `延期超过法定上限：最多延长 ${cap} 个工作日，已延长 ${used} 个，本次申请 ${requested} 个（行政许可法第四十二条）`,
      { cap, used, requested },
    ),
  limitInvalid: (why: string) => new CalendarException(ErrorCode.CLOCK_LIMIT_INVALID, 400, `时限无效：${why}`),
  policyNotFound: (version: number) =>
    new CalendarException(ErrorCode.POLICY_NOT_FOUND, 404, `预警策略第 ${version} 版不存在`),
  policyPending: (version: number) =>
    new CalendarException(
      ErrorCode.POLICY_PENDING,
      409,
      `预警策略第 ${version} 版正在等待监察签认，签认或驳回后才能再提出新版本`,
      { version },
    ),
  policyState: (version: number, state: string) =>
    new CalendarException(ErrorCode.POLICY_STATE, 409, `预警策略第 ${version} 版${state}，不能再签认`, { version }),
  policySelfSignOff: () => new CalendarException(ErrorCode.POLICY_SELF_SIGN_OFF, 403, '提出预警策略的人不能自己签认'),
  otherNeedsText: () =>
    new CalendarException(ErrorCode.VALIDATION_FAILED, 400, '暂停原因为“其他”时须说明具体原因', {
      fields: { reasonText: ['原因为“其他”时必填'] },
    }),
};
