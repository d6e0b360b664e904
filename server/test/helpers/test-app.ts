import { ApiClient, type Principal } from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { createApp, type RunningApp } from '../../src/app.factory.js';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/demo-seed.js';
import { AuditService } from '../../src/platform/audit/audit.service.js';
import { PlatformClock } from '../../src/platform/clock/platform-clock.service.js';
import { loadConfig } from '../../src/platform/config/app-config.js';
import { createScratchDatabase, SERVER_URL } from './test-database.js';

export interface TestApp {
  running: RunningApp;
  baseUrl: string;
  /** The PostgreSQL database it runs on (null on the in-memory embedded one). */
  databaseUrl: string | null;
  dataSource: DataSource;
  clock: PlatformClock;
  /** A fresh, logged-out client. */
  client(): ApiClient;
  /** A client logged in as a demo account. */
  loginAs(login: string, password?: string): Promise<ApiClient & { me: Principal }>;
  /** A demo account's access token, for requests sent by hand (raw headers, forged tokens). */
  accessToken(login: string, password?: string): Promise<string>;
  /**
   * Raw SQL as the database owner, bypassing the app. A query that reads the audit chain first waits for
   * the seal of what has committed, as the app's own readers of the chain do.
   */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The real API over real HTTP on its own database: a scratch database on the
 * PostgreSQL server when DATABASE_URL is set, else an in-memory PGlite.
 */
export async function startTestApp(env: Record<string, string> = {}, opts: { seed?: boolean } = {}): Promise<TestApp> {
  const scratch = SERVER_URL ? await createScratchDatabase(SERVER_URL) : null;
  const config = loadConfig({
    ONEWINDOW_MODE: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SPA_ROOT: 'none',
    SEED_DEMO: 'false',
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    ONEWINDOW_DATA_DIR: 'memory',
    DB_POOL_SIZE: '5',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...env,
  });
  const running = await createApp(config);
  if (opts.seed !== false) await seedDemo(running.app);
  await running.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = running.app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const dataSource = running.app.get(DataSource);

  const client = () => new ApiClient({ baseUrl: `${baseUrl}/api` });
  return {
    running,
    baseUrl,
    databaseUrl: config.database.url,
    dataSource,
    clock: running.app.get(PlatformClock),
    client,
    async loginAs(login, password = DEMO_PASSWORD) {
      const c = client();
      const me = await c.auth.login({ login, password });
      return Object.assign(c, { me });
    },
    async accessToken(login, password = DEMO_PASSWORD) {
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    async sql(text, params) {
      if (/audit_entry|audit_chain_head/.test(text)) await running.app.get(AuditService).seal();
      return dataSource.query(text, params);
    },
    async close() {
      await running.close();
      await scratch?.drop();
    },
  };
}

/** Asserts a promise fails with an API error of this status and code. */
export async function expectApiError(
  p: Promise<unknown>,
  status: number,
  code?: string,
): Promise<import('@onewindow/shared').ApiError> {
  try {
    await p;
  } catch (e) {
    const err = e as import('@onewindow/shared').ApiError;
    if (err.status !== status || (code && err.code !== code)) {
      throw new Error(`expected ${status} ${code ?? ''}, got ${err.status} ${err.code}: ${err.message}`, { cause: e });
    }
    return err;
  }
  throw new Error(`expected ${status} ${code ?? ''}, but the call succeeded`);
}
