import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/app-config.js';
import { PreparingClient } from './platform/database/preparing-client.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { Metrics } from './platform/metrics/metrics.js';
import { StartupLock } from './platform/database/startup-lock.js';
import { DatabaseRuntime } from './platform/database/database-runtime.js';
import { AllExceptionsFilter } from './platform/errors/all-exceptions.filter.js';
import { createValidationPipe } from './platform/errors/validation.js';
import { acceptFileBodies } from './platform/files/binary-body.js';
import { buildOpenApiDocument } from './platform/http/openapi.js';
import { registerRateLimit } from './platform/http/rate-limit.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { hostSpas } from './platform/http/spa-hosting.js';
import { LogController } from 'fastify';

export interface RunningApp {
  app: NestFastifyApplication;
  db: DatabaseRuntime;
  config: AppConfig;
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,80}$/;

const NEST_LEVELS: Record<string, LogLevel[]> = {
  trace: ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'],
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  // Nest's own 'log' level is start-up chatter (every route mapped); requests are logged by Fastify.
  info: ['warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
  fatal: ['fatal'],
};

/** Builds the whole API (and the SPAs when configured) on its database, initialised but not listening. */
export async function createApp(
  config: AppConfig,
  options: { startup?: (app: NestFastifyApplication) => Promise<void> } = {},
): Promise<RunningApp> {
  PreparingClient.statementLog = config.database.statementLog;
  const db = await DatabaseRuntime.start(config.database);
  // Migrations (run by TypeORM as the app initialises) and `startup` (the demo seed) one instance at a time.
  const lock = await StartupLock.acquire(db).catch(async (e: unknown) => {
    await db.stop();
    throw e;
  });
  try {
    const adapter = new FastifyAdapter({
      logger: config.log.level === 'silent' ? false : { level: config.log.level },
      trustProxy: config.http.trustProxy,
      bodyLimit: config.http.bodyLimitBytes,
      // Request lines at info level only when asked for (production); fastify's own switch for them.
      logController: new LogController({ disableRequestLogging: !config.log.requests }),
      // A caller's X-Request-Id is kept when it looks like one; otherwise we mint one.
      genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      },
    });
    const logger =
      config.log.level === 'silent'
        ? false
        : new ConsoleLogger({ json: true, logLevels: NEST_LEVELS[config.log.level] ?? NEST_LEVELS.info });
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, db), adapter, { logger });
    app.setGlobalPrefix('api');
    app.useGlobalPipes(createValidationPipe());

    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onSend', async (req, reply) => {
      void reply.header('x-request-id', req.id);
    });
    if (!config.log.requests)
      fastify.addHook('onResponse', async (req, reply) => {
        req.log.debug(
          { method: req.method, url: req.url, statusCode: reply.statusCode, ms: reply.elapsedTime },
          'request',
        );
      });
    registerSecurityHeaders(fastify);
    await registerRateLimit(fastify, config.rateLimit);
    acceptFileBodies(fastify, config.http.uploadLimitBytes);
    registerInputGuard(fastify);
    app.get(Metrics).observe(fastify);
    // Many clients send `Content-Type: application/json` with an empty body on action POSTs: that is no body.
    fastify.addHook('onRequest', async (req) => {
      if (req.headers['content-length'] === '0') delete req.headers['content-type'];
    });
    const spa = config.spaRoot ? await hostSpas(app, config.spaRoot) : null;
    // Nest routes Fastify's own errors (bad JSON, too large, rate limit) through this filter too.
    app.useGlobalFilters(new AllExceptionsFilter(spa, app.get(Metrics)));
    const document = buildOpenApiDocument(app);
    SwaggerModule.setup('api/docs', app, document, {
      jsonDocumentUrl: 'api/openapi.json',
      yamlDocumentUrl: 'api/openapi.yaml',
    });

    await app.init();
    await fastify.ready();
    await options.startup?.(app);
    await lock?.release();
    return {
      app,
      db,
      config,
      async close() {
        await app.close();
        await db.stop();
      },
    };
  } catch (e) {
    await lock?.release();
    await db.stop();
    throw e;
  }
}
