import { ErrorCode } from '@onewindow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ HTTP_BODY_LIMIT_BYTES: '2048' });
});
afterAll(() => t?.close());

const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${t.baseUrl}/api${path}`, { method: 'POST', headers, body });

describe('health', () => {
  it('liveness and readiness', async () => {
    expect(await t.client().platform.health()).toMatchObject({ status: 'ok' });
    const ready = await t.client().platform.ready();
    expect(ready).toEqual({
      status: 'ready',
      database: { kind: process.env.DATABASE_URL ? 'postgres' : 'pglite', ok: true },
    });
  });
});

describe('every failure has the one error shape', () => {
  it('unknown route', async () => {
    const res = await fetch(`${t.baseUrl}/api/no/such/thing`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body).toMatchObject({ code: ErrorCode.ROUTE_NOT_FOUND, message: '请求的地址不存在' });
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('broken JSON, a body that is not JSON, and a body over the limit are 4xx, never 500', async () => {
    const broken = await post('/auth/login', '{"login": ');
    expect(broken.status).toBe(400);
    expect((await broken.json()).message).toMatch(/[\u4e00-\u9fa5]/);

    const text = await post('/auth/login', '<login>x</login>', { 'content-type': 'application/xml' });
    expect(text.status).toBe(415);
    expect((await text.json()).code).toBe(ErrorCode.UNSUPPORTED_MEDIA_TYPE);

    const big = await post('/auth/login', JSON.stringify({ login: 'x'.repeat(4000), password: 'y' }));
    expect(big.status).toBe(413);
    expect((await big.json()).code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);

    const arr = await post('/auth/login', '[1,2,3]');
    expect(arr.status).toBe(400);
    const nul = await post('/auth/login', 'null');
    expect(nul.status).toBe(400);
  });

  it('an action POST with a JSON content type and no body is accepted; prototype poisoning is refused', async () => {
    const admin = await t.loginAs('admin');
    const res = await fetch(`${t.baseUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.store.get()!.accessToken}` },
    });
    expect(res.status).toBe(204);
    const poisoned = await post('/auth/login', '{"login":"a","password":"b","__proto__":{"x":1}}');
    expect(poisoned.status).toBe(400);
  });

  it('security headers are set on API answers', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers that may name a person are never cached; the public guides may be', async () => {
    const login = await fetch(`${t.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'scjg.clerk', password: 'Demo@2026' }),
    });
    expect(login.headers.get('cache-control')).toBe('no-store');
    const { accessToken } = (await login.json()) as { accessToken: string };
    const queue = await fetch(`${t.baseUrl}/api/cases?queue=TO_ACCEPT`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(queue.headers.get('cache-control')).toBe('no-store');
    const progress = await fetch(`${t.baseUrl}/api/public/progress?no=SJ2026112300001&code=ABCDEF`);
    expect(progress.headers.get('cache-control')).toBe('no-store');
    const guide = await fetch(`${t.baseUrl}/api/public/matters/XK00001001`);
    expect(guide.headers.get('cache-control')).not.toBe('no-store');
  });

  it('a forged request id that is not one is replaced', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('OpenAPI', () => {
  it('serves the document and Swagger UI', async () => {
    const doc = await (await fetch(`${t.baseUrl}/api/openapi.json`)).json();
    expect(doc.info.title).toContain('OneWindow');
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
    const ui = await fetch(`${t.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});

describe('platform clock', () => {
  it('in test mode an administrator sets and advances business time, audited; never backwards', async () => {
    const admin = await t.loginAs('admin');
    const set = await admin.platform.setClock({ now: '2026-03-02T09:00:00+08:00' });
    expect(set.adjustable).toBe(true);
    expect(Math.abs(new Date(set.now).getTime() - Date.parse('2026-03-02T01:00:00Z'))).toBeLessThan(2000);
    const moved = await admin.platform.advanceClock({ seconds: 86_400 });
    expect(Math.abs(new Date(moved.now).getTime() - Date.parse('2026-03-03T01:00:00Z'))).toBeLessThan(2000);
    await expectApiError(admin.platform.advanceClock({ seconds: -1 }), 400, ErrorCode.VALIDATION_FAILED);
    await expectApiError(admin.platform.setClock({ now: 'next tuesday' }), 400, ErrorCode.VALIDATION_FAILED);
    // Outside the working-day calendar, without a zone, or a day that does not exist: refused, not guessed at.
    for (const now of ['1970-01-01T00:00:00Z', '2026-03-02T09:00:00', '2026-02-30T09:00:00+08:00'])
      await expectApiError(admin.platform.setClock({ now }), 400, ErrorCode.VALIDATION_FAILED);
    const rows = await t.sql<{ action: string }>(
      `SELECT action FROM audit_entry WHERE action = 'platform.clock_changed'`,
    );
    expect(rows).toHaveLength(2);
    // Business time drives token lifetimes: the clock jump above expired nothing that was issued after it.
    expect((await admin.auth.me()).roles).toEqual(['CENTER_ADMIN']);
  });
});

describe('production mode', () => {
  it('refuses to move the clock', async () => {
    const prod = await startTestApp({
      ONEWINDOW_MODE: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      ONEWINDOW_DATA_KEY: 'a-production-data-key-of-at-least-32-chars',
    });
    try {
      const admin = await prod.loginAs('admin');
      const clock = await admin.platform.clock();
      expect(clock).toMatchObject({ mode: 'production', adjustable: false, offsetMs: 0 });
      await expectApiError(
        admin.platform.setClock({ now: '2030-01-01T00:00:00Z' }),
        403,
        ErrorCode.CLOCK_FIXED_IN_PRODUCTION,
      );
      await expectApiError(admin.platform.advanceClock({ seconds: 60 }), 403, ErrorCode.CLOCK_FIXED_IN_PRODUCTION);
      expect(Math.abs(new Date((await admin.platform.clock()).now).getTime() - Date.now())).toBeLessThan(2000);
    } finally {
      await prod.close();
    }
  });
});

describe('deferred writes', () => {
  it('go out together at the commit; one that touches the wrong number of rows fails the commit and nothing is written', async () => {
    const { DeferredWrites } = await import('../src/platform/database/deferred-writes.js');
    const { CalendarYearEntity } = await import('../src/modules/calendar/calendar.entities.js');
    const note = (n: string) => ({
      sql: `UPDATE calendar_year SET notice = $1 WHERE year = 2026`,
      params: [n],
      expectRows: 1,
    });
    const noticeOf = async () =>
      (await t.sql<{ notice: string | null }>('SELECT notice FROM calendar_year WHERE year = 2026'))[0].notice;
    const before = await noticeOf();

    await t.dataSource.transaction(async (m) => {
      DeferredWrites.add(m, note('已延后写入'));
      // Not yet sent: the transaction itself still reads the old value.
      expect((await m.findOneByOrFail(CalendarYearEntity, { year: 2026 })).notice).toBe(before);
    });
    expect(await noticeOf()).toBe('已延后写入');

    await expect(
      t.dataSource.transaction(async (m) => {
        DeferredWrites.add(m, note('不应写入'));
        DeferredWrites.add(m, {
          sql: `UPDATE calendar_year SET notice = $1 WHERE year = 1900`,
          params: ['无此年'],
          expectRows: 1,
        });
      }),
    ).rejects.toThrow(/touched 0 rows, expected 1/);
    expect(await noticeOf()).toBe('已延后写入');
    await t.sql('UPDATE calendar_year SET notice = $1 WHERE year = 2026', [before]);
  });
});
