import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';

/** Route config key naming a route's rate-limit group; routes without one are not limited. */
export const RATE_LIMIT_GROUP = 'rateLimitGroup';
export type RateLimitGroup = 'login' | 'public';

function groupOf(req: FastifyRequest): RateLimitGroup | undefined {
  return (req.routeOptions?.config as unknown as Record<string, unknown> | undefined)?.[RATE_LIMIT_GROUP] as
    RateLimitGroup | undefined;
}

/** Per client address and group, per minute: login/register tight, public reads generous. */
export async function registerRateLimit(fastify: FastifyInstance, config: AppConfig['rateLimit']): Promise<void> {
  await fastify.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (req) => (groupOf(req) === 'login' ? config.loginPerMinute : config.publicPerMinute),
    allowList: (req) => groupOf(req) === undefined,
    keyGenerator: (req) => `${groupOf(req)}:${req.ip}`,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`,
    }),
  });
}
