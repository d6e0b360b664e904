import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@onewindow/shared';
import { IS_PUBLIC, ROLES } from './access.decorators.js';
import { AuthErrors } from './auth.exception.js';
import { AuthService } from './auth.service.js';
import type { AuthenticatedRequest } from './request-actor.js';

/** Global: every route needs a valid access token unless marked @Public(); @Roles() narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    if (!header) throw AuthErrors.required();
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw AuthErrors.tokenInvalid();

    const { principal, sessionId } = await this.auth.authenticate(token);
    req.principal = principal;
    req.sessionId = sessionId;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !principal.roles.some((r) => roles.includes(r))) throw AuthErrors.forbiddenRole();
    return true;
  }
}
