import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Principal, PrincipalKind, type Role } from '@onewindow/shared';
import { CLIENT_SCOPES, IS_PUBLIC, ROLES } from './access.decorators.js';
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

    const scopes = this.reflector.getAllAndOverride<string[] | undefined>(CLIENT_SCOPES, targets);
    if (principal.kind === PrincipalKind.CLIENT) {
      if (!scopes) throw AuthErrors.machineOnly();
      const missing = scopes.find((s) => !principal.scopes?.includes(s));
      if (missing) throw AuthErrors.scopeMissing(missing);
      this.limit(principal);
      return true;
    }
    if (scopes) throw AuthErrors.peopleOnly();

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !principal.roles.some((r) => roles.includes(r))) throw AuthErrors.forbiddenRole();
    return true;
  }

  /** Requests per client per minute (its own limit), counted in this instance in fixed one-minute windows. */
  private readonly windows = new Map<string, { start: number; count: number }>();
  private limit(p: Principal) {
    const now = Date.now();
    const w = this.windows.get(p.id);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(p.id, { start: now, count: 1 });
      return;
    }
    if (++w.count > (p.ratePerMinute ?? 0)) throw AuthErrors.rateLimited(Math.ceil((w.start + 60_000 - now) / 1000));
  }
}
