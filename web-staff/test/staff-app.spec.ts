import { Role } from '@onewindow/shared';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { guard, routes } from '../src/router';

const session = (loggedIn: boolean, roles: Role[] = []) => ({
  loggedIn,
  hasRole: (...r: Role[]) => r.some((x) => roles.includes(x)),
});

async function at(path: string) {
  const router = createRouter({ history: createMemoryHistory('/staff/'), routes });
  await router.push(path);
  return router.currentRoute.value;
}

describe('back-office routing', () => {
  it('a logged-out user goes to login, keeping where they were going', async () => {
    expect(guard(await at('/org/staff'), session(false))).toEqual({ name: 'login', query: { redirect: '/org/staff' } });
    expect(guard(await at('/'), session(false))).toEqual({ name: 'login', query: {} });
    expect(guard(await at('/login'), session(false))).toBe(true);
  });

  it('pages outside the user’s roles send them to the desk', async () => {
    expect(guard(await at('/org/departments'), session(true, [Role.CLERK]))).toEqual({ name: 'home' });
    expect(guard(await at('/org/departments'), session(true, [Role.CENTER_ADMIN]))).toBe(true);
    expect(guard(await at('/org/staff'), session(true, [Role.DEPT_LEAD]))).toBe(true);
    expect(guard(await at('/walk-in'), session(true, [Role.APPROVER]))).toEqual({ name: 'home' });
    expect(guard(await at('/walk-in'), session(true, [Role.CLERK]))).toBe(true);
    expect(guard(await at('/cases'), session(true, [Role.APPROVER]))).toBe(true);
    expect(guard(await at('/cases'), session(true, [Role.APPLICANT]))).toEqual({ name: 'home' });
  });

  it('every navigable page has a label in both languages', async () => {
    const zh = (await import('../src/i18n/zh-CN')).default;
    const en = (await import('../src/i18n/en')).default;
    for (const r of routes[1]!.children!) {
      if (!r.meta?.nav) continue;
      expect(zh.nav[r.meta.nav as keyof typeof zh.nav], r.meta.nav).toBeTruthy();
      expect(en.nav[r.meta.nav as keyof typeof en.nav], r.meta.nav).toBeTruthy();
    }
  });
});
