import { ApiClient, ErrorCode } from '@onewindow/shared';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, startTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ AUTH_ACCESS_TTL_SECONDS: '900', AUTH_LOCKOUT_THRESHOLD: '5', AUTH_LOCKOUT_MINUTES: '15' });
});
afterAll(() => t?.close());

describe('login', () => {
  it('returns tokens and the principal for staff', async () => {
    const c = t.client();
    const me = await c.auth.login({ login: 'scjg.clerk', password: 'Demo@2026' });
    expect(me.kind).toBe('STAFF');
    expect(me.roles).toEqual(['CLERK']);
    expect(me.departmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.store.get()?.accessToken.split('.')).toHaveLength(3);
    expect(await c.auth.me()).toEqual(me);
  });

  it('is case-insensitive in the login name and works for applicants by phone', async () => {
    const staff = await t.client().auth.login({ login: 'SCJG.Clerk', password: 'Demo@2026' });
    expect(staff.roles).toEqual(['CLERK']);
    const applicant = await t.client().auth.login({ login: '13800000001', password: 'Demo@2026' });
    expect(applicant).toMatchObject({ kind: 'APPLICANT', roles: ['APPLICANT'], departmentId: null });
  });

  it('refuses a wrong password and an unknown login with the same answer', async () => {
    const a = await expectApiError(
      t.client().auth.login({ login: 'scjg.approver', password: 'Wrong1234' }),
      401,
      ErrorCode.AUTH_BAD_CREDENTIALS,
    );
    const b = await expectApiError(
      t.client().auth.login({ login: 'nobody', password: 'Wrong1234' }),
      401,
      ErrorCode.AUTH_BAD_CREDENTIALS,
    );
    expect(a.message).toBe(b.message);
    expect(a.message).toBe('用户名或密码错误');
  });

  it('refuses requests without a token, and with a forged one', async () => {
    await expectApiError(t.client().auth.me(), 401, ErrorCode.AUTH_REQUIRED);
    const res = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe(ErrorCode.AUTH_TOKEN_INVALID);
  });
});

describe('who a token speaks for', () => {
  it('comes from its session, not its claims: a token claiming CENTER_ADMIN for a clerk’s session is a clerk’s', async () => {
    const token = await t.accessToken('scjg.clerk');
    const claims = jwt.decode(token) as Record<string, unknown>;
    // Signed with the server's own secret, as someone holding the (demo) secret could.
    const forged = jwt.sign(
      { ...claims, roles: ['CENTER_ADMIN', 'SUPERVISOR'], dept: null, name: '冒充者' },
      t.running.config.auth.jwtSecret,
      { algorithm: 'HS256' },
    );
    const asForged = (path: string) =>
      fetch(`${t.baseUrl}/api${path}`, { headers: { authorization: `Bearer ${forged}` } });
    const me = (await (await asForged('/auth/me')).json()) as { roles: string[]; name: string };
    expect(me.roles).toEqual(['CLERK']);
    expect(me.name).not.toBe('冒充者');
    expect((await asForged('/audit?page=1')).status).toBe(403);
    const other = jwt.sign(
      { ...claims, sub: '00000000-0000-4000-8000-000000000000' },
      t.running.config.auth.jwtSecret,
      {
        algorithm: 'HS256',
      },
    );
    const res = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${other}` } });
    expect(res.status).toBe(401);
  });
});

describe('lockout', () => {
  it('locks after 5 wrong passwords, refuses even the right one, and unlocks after 15 minutes', async () => {
    for (let i = 1; i <= 4; i++) {
      await expectApiError(
        t.client().auth.login({ login: 'gaj.clerk', password: `Wrong${i}234` }),
        401,
        ErrorCode.AUTH_BAD_CREDENTIALS,
      );
    }
    const locked = await expectApiError(
      t.client().auth.login({ login: 'gaj.clerk', password: 'Wrong5234' }),
      423,
      ErrorCode.AUTH_LOCKED,
    );
    expect(locked.details?.lockedUntil).toBeTruthy();
    await expectApiError(
      t.client().auth.login({ login: 'gaj.clerk', password: 'Demo@2026' }),
      423,
      ErrorCode.AUTH_LOCKED,
    );

    const admin = await t.loginAs('admin');
    const page = await admin.org.listStaff({ q: 'gaj.clerk' });
    expect(page.items.find((s) => s.login === 'gaj.clerk')?.locked).toBe(true);

    t.clock.advance(15 * 60 + 1);
    const me = await t.client().auth.login({ login: 'gaj.clerk', password: 'Demo@2026' });
    expect(me.roles).toEqual(['CLERK']);

    const audit = await t.sql<{ action: string }>(
      `SELECT action FROM audit_entry WHERE summary->>'login' = 'gaj.clerk' ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.locked',
      'auth.login',
    ]);
  });

  it('twelve wrong passwords at once lock the login for good: the right one is refused after the burst', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t
          .client()
          .auth.login({ login: 'wjw.clerk', password: `Burst${i}234` })
          .then(
            () => 200,
            (e: { status: number }) => e.status,
          ),
      ),
    );
    expect(burst.filter((s) => s === 200)).toEqual([]);
    expect(burst.filter((s) => s === 423).length).toBeGreaterThanOrEqual(1);
    await expectApiError(
      t.client().auth.login({ login: 'wjw.clerk', password: 'Demo@2026' }),
      423,
      ErrorCode.AUTH_LOCKED,
    );
    const [row] = await t.sql<{ locked: boolean }>(
      `SELECT locked_until IS NOT NULL AS locked FROM credential WHERE login = 'wjw.clerk'`,
    );
    expect(row.locked).toBe(true);
  });

  it('a login nobody has answers exactly as a real one: 401 four times, then 423 (no enumeration)', async () => {
    const answers: string[] = [];
    for (const login of ['jtys.clerk', 'nobody.at.all']) {
      for (let i = 1; i <= 6; i++) {
        const e = await t
          .client()
          .auth.login({ login, password: `Wrong${i}234` })
          .catch((x: { status: number; code: string }) => x);
        answers.push(`${login} ${(e as { status: number }).status} ${(e as { code: string }).code}`);
      }
    }
    const of = (login: string) =>
      answers.filter((a) => a.startsWith(login)).map((a) => a.split(' ').slice(1).join(' '));
    expect(of('nobody.at.all')).toEqual(of('jtys.clerk'));
    expect(of('jtys.clerk')).toEqual([
      '401 AUTH_BAD_CREDENTIALS',
      '401 AUTH_BAD_CREDENTIALS',
      '401 AUTH_BAD_CREDENTIALS',
      '401 AUTH_BAD_CREDENTIALS',
      '423 AUTH_LOCKED',
      '423 AUTH_LOCKED',
    ]);
  });

  it('an administrator password reset lifts the lock', async () => {
    for (let i = 0; i < 5; i++)
      await t
        .client()
        .auth.login({ login: 'mzj.clerk', password: 'Bad12345' })
        .catch(() => undefined);
    await expectApiError(
      t.client().auth.login({ login: 'mzj.clerk', password: 'Demo@2026' }),
      423,
      ErrorCode.AUTH_LOCKED,
    );
    const admin = await t.loginAs('admin');
    const target = (await admin.org.listStaff({ q: 'mzj.clerk' })).items.find((s) => s.login === 'mzj.clerk')!;
    await admin.org.resetStaffPassword(target.id, { newPassword: 'Reset2026x' });
    await t.client().auth.login({ login: 'mzj.clerk', password: 'Reset2026x' });
  });
});

describe('token expiry and refresh', () => {
  it('an expired access token is refused with AUTH_TOKEN_EXPIRED, and the client refreshes once and retries', async () => {
    const c = await t.loginAs('scjg.lead');
    const before = c.store.get()!;
    t.clock.advance(901);

    const raw = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${before.accessToken}` } });
    expect(raw.status).toBe(401);
    expect((await raw.json()).code).toBe(ErrorCode.AUTH_TOKEN_EXPIRED);

    const me = await c.auth.me();
    expect(me.roles).toContain('DEPT_LEAD');
    const after = c.store.get()!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
  });

  it('a refresh token works once; presenting the rotated-out one ends the session', async () => {
    const c = await t.loginAs('scjg.approver');
    const first = c.store.get()!.refreshToken;
    const anon = t.client();
    const r1 = await anon.request<{ refreshToken: string; accessToken: string }>('POST', '/auth/refresh', {
      anonymous: true,
      body: { refreshToken: first },
    });
    await expectApiError(
      anon.request('POST', '/auth/refresh', { anonymous: true, body: { refreshToken: first } }),
      401,
      ErrorCode.AUTH_REFRESH_INVALID,
    );
    // The theft response ended the whole session: the newest tokens are dead too.
    await expectApiError(
      anon.request('POST', '/auth/refresh', { anonymous: true, body: { refreshToken: r1.refreshToken } }),
      401,
      ErrorCode.AUTH_REFRESH_INVALID,
    );
    const res = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${r1.accessToken}` } });
    expect((await res.json()).code).toBe(ErrorCode.AUTH_SESSION_ENDED);
  });

  it('an expired refresh token is refused, and the client reports the session expired', async () => {
    let expired = 0;
    const c = new ApiClient({ baseUrl: `${t.baseUrl}/api` });
    c.onSessionExpired(() => expired++);
    await c.auth.login({ login: 'scjg.clerk2', password: 'Demo@2026' });
    t.clock.advance(7 * 86_400 + 1);
    await expectApiError(c.auth.me(), 401, ErrorCode.AUTH_TOKEN_EXPIRED);
    expect(expired).toBe(1);
    expect(c.store.get()).toBeNull();
  });
});

describe('logout and password change', () => {
  it('logout ends the session: the access token is refused at once', async () => {
    const c = await t.loginAs('wjw.clerk');
    const token = c.store.get()!.accessToken;
    await c.auth.logout();
    const res = await fetch(`${t.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe(ErrorCode.AUTH_SESSION_ENDED);
  });

  it('password change checks the current password and strength, and ends the other sessions', async () => {
    const a = await t.loginAs('jtys.clerk');
    const other = await t.loginAs('jtys.clerk');
    expect((await other.auth.me()).name).toBeTruthy(); // known open to this instance before the change
    await expectApiError(
      a.auth.changePassword({ currentPassword: 'nope1234', newPassword: 'NewPass2026' }),
      400,
      ErrorCode.AUTH_WRONG_PASSWORD,
    );
    await expectApiError(
      a.auth.changePassword({ currentPassword: 'Demo@2026', newPassword: 'short' }),
      400,
      ErrorCode.AUTH_WEAK_PASSWORD,
    );
    await a.auth.changePassword({ currentPassword: 'Demo@2026', newPassword: 'NewPass2026' });
    expect((await a.auth.me()).name).toBeTruthy();
    await expectApiError(other.auth.me(), 401, ErrorCode.AUTH_SESSION_ENDED);
    await expectApiError(t.client().auth.login({ login: 'jtys.clerk', password: 'Demo@2026' }), 401);
    await t.client().auth.login({ login: 'jtys.clerk', password: 'NewPass2026' });
  });

  it('a session ended by another instance (straight in the database) is refused within a second', async () => {
    const c = await t.loginAs('wjw.clerk');
    expect((await c.auth.me()).name).toBeTruthy();
    const { sid } = JSON.parse(Buffer.from(c.store.get()!.accessToken.split('.')[1], 'base64url').toString());
    await t.sql(`UPDATE auth_session SET revoked_at = now(), revoke_reason = 'LOGOUT' WHERE id = $1`, [sid]);
    await new Promise((r) => setTimeout(r, 1100));
    await expectApiError(c.auth.me(), 401, ErrorCode.AUTH_SESSION_ENDED);
  });

  it('a deactivated staff member can no longer log in and their sessions end', async () => {
    const victim = await t.loginAs('sthj.clerk2');
    expect((await victim.auth.me()).name).toBeTruthy();
    const admin = await t.loginAs('admin');
    await admin.org.updateStaff(victim.me.id, { active: false });
    await expectApiError(victim.auth.me(), 401, ErrorCode.AUTH_SESSION_ENDED);
    await expectApiError(
      t.client().auth.login({ login: 'sthj.clerk2', password: 'Demo@2026' }),
      401,
      ErrorCode.AUTH_BAD_CREDENTIALS,
    );
  });
});

describe('rate limiting', () => {
  it('public reads are limited per client address too', async () => {
    const limited = await startTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: '2' }, { seed: false });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await fetch(`${limited.baseUrl}/api/org/windows`)).status);
      expect(codes).toEqual([200, 200, 429]);
      expect((await fetch(`${limited.baseUrl}/api/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('login is limited per client address and answers 429 in the error shape', async () => {
    const limited = await startTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '3' }, { seed: false });
    try {
      const statuses: number[] = [];
      let last: { code?: string; message?: string } = {};
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: 'x', password: 'y' }),
        });
        statuses.push(res.status);
        last = await res.json();
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect(last.code).toBe(ErrorCode.RATE_LIMITED);
      expect(last.message).toMatch(/频繁/);
      // Health checks are never limited; public reads have their own, larger bucket.
      expect((await fetch(`${limited.baseUrl}/api/health`)).status).toBe(200);
      expect((await fetch(`${limited.baseUrl}/api/org/departments`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
