// @vitest-environment node
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, type Principal, PrincipalKind, Role } from '@onewindow/shared';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineSessionStore, NotAdmittedError, setNotifier, useAction } from '../src';

/** A real HTTP server standing in for the API's login, logout and one form endpoint. */
let server: http.Server;
let base = '';
let nextKind: PrincipalKind = PrincipalKind.STAFF;
const calls: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    calls.push(`${req.method} ${req.url}`);
    res.setHeader('content-type', 'application/json');
    if (req.url === '/api/auth/login') {
      const principal: Principal = {
        id: 'p1',
        kind: nextKind,
        name: '王窗口',
        roles: nextKind === PrincipalKind.STAFF ? [Role.CLERK] : [Role.APPLICANT],
        departmentId: null,
        windowId: null,
      };
      const later = new Date(Date.now() + 3600_000).toISOString();
      res.end(
        JSON.stringify({
          principal,
          accessToken: 'a',
          accessExpiresAt: later,
          refreshToken: 'r',
          refreshExpiresAt: later,
        }),
      );
    } else if (req.url === '/api/auth/logout') {
      res.statusCode = 204;
      res.end();
    } else {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          code: 'VALIDATION_FAILED',
          message: '提交的内容有误：补正理由',
          details: { fields: { 'items.0.text': ['请填写补正理由'] } },
        }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const shown: string[] = [];
beforeEach(() => {
  setActivePinia(createPinia());
  calls.length = 0;
  shown.length = 0;
  setNotifier({
    error: (m) => shown.push(`error:${m}`),
    warning: (m) => shown.push(`warning:${m}`),
    success: (m) => shown.push(`success:${m}`),
  });
});

describe('the session store factory', () => {
  const staffOnly = {
    admits: (p: Principal) => p.kind === PrincipalKind.STAFF,
    refusal: () => '申请人账号请在网上办事大厅登录',
  };

  it('admits whom the app serves and knows their roles', async () => {
    nextKind = PrincipalKind.STAFF;
    const session = defineSessionStore(new ApiClient({ baseUrl: base }), staffOnly)();
    await session.login({ login: 'clerk', password: 'x' });
    expect(session.loggedIn).toBe(true);
    expect(session.hasRole(Role.CLERK)).toBe(true);
    expect(session.hasRole(Role.SUPERVISOR)).toBe(false);
    expect(session.roleLabels).toEqual(['窗口工作人员']);
  });

  it('refuses someone the app does not serve with its own message, and ends the session it was given', async () => {
    nextKind = PrincipalKind.APPLICANT;
    const api = new ApiClient({ baseUrl: base });
    const session = defineSessionStore(api, staffOnly)();
    const refused = await session.login({ login: 'citizen', password: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotAdmittedError);
    expect((refused as Error).message).toBe('申请人账号请在网上办事大厅登录');
    expect(session.loggedIn).toBe(false);
    expect(api.principal).toBeNull();
    expect(calls).toEqual(['POST /api/auth/login', 'POST /api/auth/logout']);
  });

  it('without an admission rule anyone with an account may log in (the portal)', async () => {
    nextKind = PrincipalKind.APPLICANT;
    const session = defineSessionStore(new ApiClient({ baseUrl: base }))();
    await session.login({ login: 'citizen', password: 'x' });
    expect(session.principal?.kind).toBe(PrincipalKind.APPLICANT);
    session.markExpired();
    expect(session.loggedIn).toBe(false);
    expect(session.expired).toBe(true);
  });
});

describe('useAction: one error path', () => {
  it('shows the server’s message and keeps its field errors for the form, and is not busy afterwards', async () => {
    const api = new ApiClient({ baseUrl: base });
    const action = useAction();
    const result = await action.run(() => api.cases.get('00000000-0000-4000-8000-000000000000'), { success: '完成' });
    expect(result).toBeUndefined();
    expect(shown).toEqual(['error:提交的内容有误：补正理由']);
    expect(action.fieldError('items.0.text')).toBe('请填写补正理由');
    expect(action.fieldError('items.1.text')).toBe('');
    expect(action.busy.value).toBe(false);
  });

  it('says it is done, clears old field errors, and returns the result', async () => {
    const action = useAction();
    action.fieldErrors.value = { name: ['旧错误'] };
    let busyWhileRunning = false;
    const result = await action.run(
      () => {
        busyWhileRunning = action.busy.value;
        return Promise.resolve(42);
      },
      { success: '已保存' },
    );
    expect(result).toBe(42);
    expect(busyWhileRunning).toBe(true);
    expect(action.fieldErrors.value).toEqual({});
    expect(shown).toEqual(['success:已保存']);
  });

  it('a failure that is not the server’s is shown too, never swallowed silently', async () => {
    const action = useAction();
    await action.run(() => Promise.reject(new Error('无法读取该文件')));
    expect(shown).toEqual(['error:无法读取该文件']);
  });
});
