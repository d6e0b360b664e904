import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { SpaFallback } from '../errors/all-exceptions.filter.js';

/** The three SPAs and the URL prefix each is served under; the public portal owns the rest. */
export const SPAS = [
  { dir: 'web-staff', prefix: '/staff/' },
  { dir: 'web-supervision', prefix: '/supervision/' },
  { dir: 'web-public', prefix: '/' },
] as const;

/**
 * Serves each built SPA from `<root>/<app>/dist` and answers unknown GETs under
 * its prefix with its index.html, so history-mode routes survive a reload.
 */
export async function hostSpas(app: NestFastifyApplication, root: string): Promise<SpaFallback> {
  const indexes: { prefix: string; html: string }[] = [];
  let decorate = true;
  for (const spa of SPAS) {
    const dist = path.join(root, spa.dir, 'dist');
    const indexFile = path.join(dist, 'index.html');
    if (!fs.existsSync(indexFile)) continue;
    indexes.push({ prefix: spa.prefix, html: fs.readFileSync(indexFile, 'utf8') });
    await app.register(fastifyStatic, {
      root: dist,
      prefix: spa.prefix,
      decorateReply: decorate,
      wildcard: true,
      index: 'index.html',
      // Hashed assets never change; index.html must be revalidated so a new build is picked up.
      setHeaders: (reply, file) => {
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        void reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    decorate = false;
  }
  return {
    indexFor(url: string) {
      if (url.startsWith('/api/') || url === '/api') return null;
      const pathOnly = url.split('?')[0];
      const match = indexes.find((i) => pathOnly.startsWith(i.prefix) || `${pathOnly}/` === i.prefix);
      return match?.html ?? null;
    },
  };
}
