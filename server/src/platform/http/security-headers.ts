import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

const OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Element Plus and Swagger UI set inline styles.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      // Intranet deployments often run on plain http; upgrading would break every asset.
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
};

/** Helmet's headers for OPTIONS, worked out once: they are the same for every response (no nonces). */
function securityHeaderValues(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: () => undefined,
  };
  helmet(OPTIONS)({} as never, res as never, (e?: unknown) => {
    if (e) throw e;
  });
  return headers;
}

/**
 * Helmet's security headers (CSP, HSTS, frame and referrer policies…) on every response. Computed once
 * at start-up: the Fastify plugin rebuilt them, parsing the whole policy, on every request.
 */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaderValues();
  fastify.addHook('onRequest', (_req, reply, done) => {
    void reply.headers(headers);
    done();
  });
  // API answers name people (ID numbers and phones, masked or not): no cache keeps them, unless the route says
  // otherwise. The public guides are the same for everyone and may be cached.
  fastify.addHook('onSend', (req, reply, _payload, done) => {
    if (req.url.startsWith('/api/') && !req.url.startsWith('/api/public/matters') && !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
    done();
  });
}
