import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@onewindow/shared';
import type { FastifyRequest } from 'fastify';
import { AuthErrors } from './auth.exception.js';

/** Who made a request and from where: what the audit log records. */
export interface RequestActor {
  principal: Principal | null;
  /** Session of the access token, when authenticated. */
  sessionId: string | null;
  requestId: string;
  clientIp: string;
  /** AB-post: the staff member the principal acts for, when the first clerk is away. */
  actingForId: string | null;
  /** When a department's system says the act it reports happened (kept beside the server's own time). */
  occurredAt?: Date;
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal; sessionId?: string };

export function actorOf(req: AuthenticatedRequest): RequestActor {
  return {
    principal: req.principal ?? null,
    sessionId: req.sessionId ?? null,
    requestId: String(req.id),
    clientIp: req.ip,
    actingForId: null,
  };
}

/** The request's actor; `@Actor()` in a controller, passed on to the service. */
export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  actorOf(ctx.switchToHttp().getRequest()),
);

/** The authenticated principal (the route must not be public). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const p = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!p) throw AuthErrors.required();
  return p;
});

/** A system actor for work no person started (scheduler, demo seeding, migrations). */
export function systemActor(reason: string): RequestActor {
  return {
    principal: {
      id: '00000000-0000-0000-0000-000000000000',
      kind: 'STAFF',
      name: `系统（${reason}）`,
      roles: [],
      departmentId: null,
      windowId: null,
    },
    sessionId: null,
    requestId: `system:${reason}`,
    clientIp: '127.0.0.1',
    actingForId: null,
  };
}
