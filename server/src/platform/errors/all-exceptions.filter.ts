import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorCode, type ApiErrorBody } from '@onewindow/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainException } from './domain.exception.js';
import type { Metrics } from '../metrics/metrics.js';

/** What the browser gets for an unknown non-API path: the SPA that owns it (history-mode routing). */
export interface SpaFallback {
  indexFor(url: string): string | null;
}

const HTTP_MESSAGES: Record<number, [string, string]> = {
  400: [ErrorCode.BAD_REQUEST, '请求格式不正确'],
  401: [ErrorCode.AUTH_REQUIRED, '请先登录'],
  403: [ErrorCode.AUTH_FORBIDDEN_ROLE, '没有权限执行此操作'],
  404: [ErrorCode.ROUTE_NOT_FOUND, '请求的地址不存在'],
  405: [ErrorCode.BAD_REQUEST, '不支持的请求方法'],
  409: [ErrorCode.CONFLICT, '数据已被修改或存在冲突，请刷新后重试'],
  413: [ErrorCode.PAYLOAD_TOO_LARGE, '提交的内容过大'],
  415: [ErrorCode.UNSUPPORTED_MEDIA_TYPE, '不支持的内容类型，请使用 application/json'],
  429: [ErrorCode.RATE_LIMITED, '请求过于频繁，请稍后再试'],
};

/** Seconds a client should wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart). */
const LOST_DATABASE_STATES = /^(08|57P0[1-3])/;
/** What node-postgres and the socket say when there is no server, or it went away mid-statement. */
const LOST_DATABASE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const LOST_DATABASE_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|terminating connection/;

/** Whether a failure is the database being unreachable (a restart, an outage), not a fault of the request or ours. */
export function isDatabaseUnavailable(e: unknown): boolean {
  // TypeORM releases a transaction's runner when its connection dies under it; the rest of the transaction then
  // meets this, which is the same lost connection seen later.
  if (e instanceof QueryRunnerAlreadyReleasedError || e instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const err = (e instanceof QueryFailedError ? e.driverError : e) as { code?: unknown; message?: unknown } | null;
  if (!err || typeof err !== 'object') return false;
  if (typeof err.code === 'string' && (LOST_DATABASE_STATES.test(err.code) || LOST_DATABASE_ERRNOS.has(err.code)))
    return true;
  return typeof err.message === 'string' && LOST_DATABASE_MESSAGES.test(err.message);
}

/** Maps every failure to `{ code, message, details? }`; only a real fault is a 500. */
export function toErrorResponse(exception: unknown): { status: number; body: ApiErrorBody; fault: boolean } {
  if (isDatabaseUnavailable(exception)) {
    return {
      status: 503,
      body: { code: ErrorCode.DATABASE_UNAVAILABLE, message: '系统暂时无法访问数据库，请稍后重试' },
      fault: false,
    };
  }
  if (exception instanceof DomainException) {
    return {
      status: exception.status,
      body: { code: exception.code, message: exception.message, details: exception.details },
      fault: false,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const [code, message] = HTTP_MESSAGES[status] ?? [
      status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST,
      '请求无法处理',
    ];
    return { status, body: { code, message }, fault: status >= 500 };
  }
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
    if (pgCode === '23505')
      return { status: 409, body: { code: ErrorCode.CONFLICT, message: '数据重复：该记录已存在' }, fault: false };
    if (pgCode === '23503')
      return { status: 409, body: { code: ErrorCode.CONFLICT, message: '关联的记录不存在或仍被引用' }, fault: false };
    if (pgCode === '23514')
      return { status: 400, body: { code: ErrorCode.BAD_REQUEST, message: '数据不符合规则，未保存' }, fault: false };
    if (pgCode === '22003')
      return { status: 400, body: { code: ErrorCode.BAD_REQUEST, message: '数值超出允许的范围' }, fault: false };
    if (pgCode === '22021' || pgCode === '22P05')
      return { status: 400, body: { code: ErrorCode.BAD_REQUEST, message: '内容含有无法保存的字符' }, fault: false };
    if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
      return { status: 400, body: { code: ErrorCode.BAD_REQUEST, message: '参数格式不正确' }, fault: false };
    }
  }
  // Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode.
  const fst = exception as { statusCode?: number; code?: string };
  if (typeof fst?.statusCode === 'number' && fst.statusCode >= 400 && fst.statusCode < 500) {
    const [code, message] = HTTP_MESSAGES[fst.statusCode] ?? [ErrorCode.BAD_REQUEST, '请求格式不正确'];
    const msg =
      fst.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fst.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? '请求体不是有效的 JSON'
        : message;
    return { status: fst.statusCode, body: { code, message: msg }, fault: false };
  }
  return { status: 500, body: { code: ErrorCode.INTERNAL_ERROR, message: '系统内部错误，请稍后再试' }, fault: true };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly spa: SpaFallback | null,
    private readonly metrics: Metrics | null = null,
  ) {}

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();

    if (this.spa && exception instanceof HttpException && exception.getStatus() === 404 && req.method === 'GET') {
      const index = this.spa.indexFor(req.url);
      if (index) {
        void reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
        return;
      }
    }

    const { status, body, fault } = toErrorResponse(exception);
    body.requestId = String(req.id);
    if (fault)
      this.logger.error({
        msg: 'unhandled error',
        requestId: req.id,
        url: req.url,
        err: String((exception as Error)?.stack ?? exception),
      });
    if (status === 429) void reply.header('retry-after', '60');
    if (status === 503) void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    if (body.code === ErrorCode.DATABASE_UNAVAILABLE) {
      this.metrics?.databaseUnavailable.inc();
      this.logger.warn({ msg: 'database unavailable', requestId: req.id, url: req.url });
    }
    void reply.status(status).send(body);
  }
}
