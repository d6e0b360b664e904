import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { STAFF_ROLES, type Role } from '@onewindow/shared';

export const IS_PUBLIC = 'onewindow:public';
export const ROLES = 'onewindow:roles';

/** Anyone may call this route without logging in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only principals holding one of these roles may call this route. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: '未登录或登录已过期' }),
    ApiForbiddenResponse({ description: `需要角色：${roles.join(', ')}` }),
  );

/** Any staff member of the center. */
export const AnyStaff = () => Roles(...STAFF_ROLES);

export const CLIENT_SCOPES = 'onewindow:client-scopes';

/**
 * A route of the integration API: machine clients (kind CLIENT) holding every one of `scopes` may call it, nobody
 * else; machine clients may call nothing else.
 */
export const ClientScopes = (...scopes: string[]) =>
  applyDecorators(
    SetMetadata(CLIENT_SCOPES, scopes),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: '访问令牌无效或已过期（POST /api/integration/v1/oauth/token 获取）' }),
    ApiForbiddenResponse({ description: `需要权限：${scopes.join(', ') || '（任一接入应用）'}` }),
  );
