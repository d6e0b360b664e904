import { ErrorCode } from '@onewindow/shared';
import { DomainException } from '../errors/domain.exception.js';

export class AuthException extends DomainException {}

export const AuthErrors = {
  required: () => new AuthException(ErrorCode.AUTH_REQUIRED, 401, '请先登录'),
  tokenInvalid: () => new AuthException(ErrorCode.AUTH_TOKEN_INVALID, 401, '登录凭证无效，请重新登录'),
  tokenExpired: () => new AuthException(ErrorCode.AUTH_TOKEN_EXPIRED, 401, '登录已过期，请重新登录'),
  sessionEnded: () => new AuthException(ErrorCode.AUTH_SESSION_ENDED, 401, '会话已结束，请重新登录'),
  badCredentials: () => new AuthException(ErrorCode.AUTH_BAD_CREDENTIALS, 401, '用户名或密码错误'),
  locked: (until: Date) =>
    new AuthException(ErrorCode.AUTH_LOCKED, 423, `密码错误次数过多，账号已锁定至 ${formatShanghai(until)}`, {
      lockedUntil: until.toISOString(),
    }),
  refreshInvalid: () => new AuthException(ErrorCode.AUTH_REFRESH_INVALID, 401, '刷新凭证无效或已过期，请重新登录'),
  wrongPassword: () => new AuthException(ErrorCode.AUTH_WRONG_PASSWORD, 400, '当前密码不正确'),
  weakPassword: () => new AuthException(ErrorCode.AUTH_WEAK_PASSWORD, 400, '新密码至少 8 位，且须同时包含字母和数字'),
  scopeMissing: (scope: string) =>
    new AuthException(ErrorCode.AUTH_SCOPE_MISSING, 403, `该客户端没有 ${scope} 权限`, { scope }),
  machineOnly: () =>
    new AuthException(ErrorCode.AUTH_MACHINE_ONLY, 403, '接口客户端只能调用 /api/integration/v1 下的接口'),
  peopleOnly: () => new AuthException(ErrorCode.AUTH_MACHINE_ONLY, 403, '此接口供接入的业务系统调用，请使用客户端凭证'),
  rateLimited: (seconds: number) =>
    new AuthException(ErrorCode.RATE_LIMITED, 429, `请求过于频繁，请 ${seconds} 秒后再试`, { retryAfter: seconds }),
  forbiddenRole: () => new AuthException(ErrorCode.AUTH_FORBIDDEN_ROLE, 403, '您的角色无权执行此操作'),
  departmentScope: () => new AuthException(ErrorCode.AUTH_DEPARTMENT_SCOPE, 403, '只能查看或处理本部门的记录'),
  loginTaken: () => new AuthException(ErrorCode.AUTH_LOGIN_TAKEN, 409, '该登录名已被使用'),
};

function formatShanghai(d: Date): string {
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
