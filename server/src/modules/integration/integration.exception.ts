import { ErrorCode } from '@onewindow/shared';
import { DomainException } from '../../platform/errors/domain.exception.js';

export class IntegrationException extends DomainException {}

export const IntegrationErrors = {
  /** RFC 6749 §5.2 invalid_client, in the usual error shape. */
  clientInvalid: () =>
    new IntegrationException(ErrorCode.AUTH_CLIENT_INVALID, 401, '客户端标识或密钥不正确，或已停用', {
      error: 'invalid_client',
    }),
  grantUnsupported: () =>
    new IntegrationException(ErrorCode.VALIDATION_FAILED, 400, '只支持 client_credentials 授权方式', {
      error: 'unsupported_grant_type',
      fields: { grant_type: ['只支持 client_credentials'] },
    }),
  clientNotFound: () => new IntegrationException(ErrorCode.API_CLIENT_NOT_FOUND, 404, '接入应用不存在'),
  clientRevoked: () => new IntegrationException(ErrorCode.API_CLIENT_REVOKED, 409, '该接入应用已停用'),
  keyRequired: () =>
    new IntegrationException(
      ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
      400,
      '写操作须带 Idempotency-Key 请求头（1 至 255 个可见字符）',
    ),
  keyReused: () =>
    new IntegrationException(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      422,
      '该 Idempotency-Key 已用于另一个请求：同一个键只能重放同样的请求',
    ),
  inFlight: () =>
    new IntegrationException(
      ErrorCode.IDEMPOTENCY_IN_FLIGHT,
      409,
      '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试',
    ),
  cursorInvalid: () =>
    new IntegrationException(ErrorCode.EVENT_CURSOR_INVALID, 400, '游标格式不正确：请使用上一页返回的 next', {
      fields: { after: ['格式不正确'] },
    }),
};

export const WebhookErrors = {
  notFound: () => new IntegrationException(ErrorCode.WEBHOOK_NOT_FOUND, 404, '事件订阅不存在'),
  deliveryNotFound: () => new IntegrationException(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, 404, '推送记录不存在'),
  urlRefused: (why: string) =>
    new IntegrationException(ErrorCode.WEBHOOK_URL_REFUSED, 400, `推送地址不可用：${why}`, {
      fields: { url: [why] },
    }),
};
