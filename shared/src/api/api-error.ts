import type { ApiErrorBody, FieldErrors } from '../errors.js';
import { ErrorCode } from '../errors.js';

/** A failed API call, carrying the server's `{ code, message, details }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorBody['details'],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get fieldErrors(): FieldErrors {
    return this.details?.fields ?? {};
  }

  static network(cause: unknown): ApiError {
    const e = new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
    (e as { cause?: unknown }).cause = cause;
    return e;
  }

  static fromBody(status: number, body: unknown): ApiError {
    const b = body as Partial<ApiErrorBody> | null;
    if (b && typeof b.code === 'string' && typeof b.message === 'string') {
      return new ApiError(status, b.code, b.message, b.details, b.requestId);
    }
    return new ApiError(
      status,
      status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST,
      `请求失败（HTTP ${status}）`,
    );
  }
}
