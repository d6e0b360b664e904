import { Role } from '@onewindow/shared';
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import StaffLayout from '../components/StaffLayout.vue';
import { useSessionStore } from '../stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    roles?: Role[];
    nav?: string;
    /** In the menu only for clerks at a comprehensive window (and center-wide roles). */
    comprehensive?: boolean;
  }
}

export const routes = [
  { path: '/login', name: 'login', component: () => import('../views/login/index.vue'), meta: { public: true } },
  {
    path: '/',
    component: StaffLayout,
    children: [
      { path: '', name: 'home', component: () => import('../views/home/index.vue'), meta: { nav: 'home' } },
      {
        path: 'cases',
        name: 'cases',
        component: () => import('../views/cases/index.vue'),
        meta: { nav: 'cases', roles: [Role.CLERK, Role.APPROVER, Role.DEPT_LEAD, Role.CENTER_ADMIN, Role.SUPERVISOR] },
      },
      {
        path: 'subtasks',
        name: 'subtasks',
        component: () => import('../views/subtasks/index.vue'),
        meta: { nav: 'subtasks', roles: [Role.CLERK, Role.APPROVER] },
      },
      {
        path: 'bundles',
        name: 'bundles',
        component: () => import('../views/bundles/index.vue'),
        meta: { nav: 'bundles', comprehensive: true, roles: [Role.CLERK, Role.CENTER_ADMIN, Role.SUPERVISOR] },
      },
      {
        path: 'bundles/walk-in',
        name: 'bundle-walk-in',
        component: () => import('../views/bundles/walk-in.vue'),
        meta: { nav: 'bundles', comprehensive: true, roles: [Role.CLERK] },
      },
      {
        path: 'bundles/:id',
        name: 'bundle',
        component: () => import('../views/bundles/detail.vue'),
        meta: {
          nav: 'bundles',
          roles: [Role.CLERK, Role.APPROVER, Role.DEPT_LEAD, Role.CENTER_ADMIN, Role.SUPERVISOR],
        },
      },
      {
        path: 'walk-in',
        name: 'walk-in',
        component: () => import('../views/cases/walk-in/index.vue'),
        meta: { nav: 'walkIn', roles: [Role.CLERK] },
      },
      {
        path: 'cases/:id',
        name: 'case',
        component: () => import('../views/cases/detail/index.vue'),
        meta: { nav: 'cases', roles: [Role.CLERK, Role.APPROVER, Role.DEPT_LEAD, Role.CENTER_ADMIN, Role.SUPERVISOR] },
      },
      {
        path: 'evaluation',
        name: 'evaluation',
        component: () => import('../views/evaluation/index.vue'),
        meta: { nav: 'evaluation', roles: [Role.CLERK, Role.APPROVER, Role.DEPT_LEAD] },
      },
      {
        path: 'complaints',
        name: 'complaints',
        component: () => import('../views/complaints/index.vue'),
        meta: { nav: 'complaints', roles: [Role.CLERK, Role.APPROVER, Role.DEPT_LEAD] },
      },
      {
        path: 'fees',
        name: 'fees',
        component: () => import('../views/fees/index.vue'),
        meta: {
          nav: 'fees',
          roles: [Role.CASHIER, Role.FINANCE, Role.CLERK, Role.APPROVER, Role.DEPT_LEAD, Role.CENTER_ADMIN],
        },
      },
      {
        path: 'catalog',
        name: 'catalog',
        component: () => import('../views/catalog/index.vue'),
        meta: { nav: 'catalog', roles: [Role.CENTER_ADMIN, Role.DEPT_LEAD] },
      },
      {
        path: 'catalog-transfer',
        name: 'catalog-transfer',
        component: () => import('../views/catalog/transfer/index.vue'),
        meta: { nav: 'catalog', roles: [Role.CENTER_ADMIN] },
      },
      {
        path: 'catalog/:id',
        name: 'matter',
        component: () => import('../views/catalog/editor/index.vue'),
        meta: { nav: 'catalog', roles: [Role.CENTER_ADMIN, Role.DEPT_LEAD] },
      },
      {
        path: 'calendar',
        name: 'calendar',
        component: () => import('../views/calendar/index.vue'),
        meta: { nav: 'calendar' },
      },
      {
        path: 'cards',
        name: 'cards',
        component: () => import('../views/cards/index.vue'),
        meta: { nav: 'cards', roles: [Role.CLERK, Role.APPROVER, Role.DEPT_LEAD] },
      },
      {
        path: 'life-events',
        name: 'life-events',
        component: () => import('../views/life-events/index.vue'),
        meta: { nav: 'lifeEvents', roles: [Role.CENTER_ADMIN] },
      },
      {
        path: 'key-projects',
        name: 'key-projects',
        component: () => import('../views/key-projects/index.vue'),
        meta: { nav: 'keyProjects', roles: [Role.CENTER_ADMIN, Role.SUPERVISOR] },
      },
      {
        path: 'integration',
        name: 'integration',
        component: () => import('../views/integration/index.vue'),
        meta: { nav: 'integration', roles: [Role.CENTER_ADMIN] },
      },
      {
        path: 'org/departments',
        name: 'departments',
        component: () => import('../views/org/departments/index.vue'),
        meta: { nav: 'departments', roles: [Role.CENTER_ADMIN] },
      },
      {
        path: 'org/windows',
        name: 'windows',
        component: () => import('../views/org/windows/index.vue'),
        meta: { nav: 'windows', roles: [Role.CENTER_ADMIN] },
      },
      {
        path: 'org/staff',
        name: 'staff',
        component: () => import('../views/org/staff/index.vue'),
        meta: { nav: 'staff', roles: [Role.CENTER_ADMIN, Role.DEPT_LEAD] },
      },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('../views/not-found/index.vue') },
    ],
  },
];

/** Logged-out users go to login (and come back); a page outside the user's roles goes home. */
export function guard(to: RouteLocationNormalized, session: { loggedIn: boolean; hasRole: (...r: Role[]) => boolean }) {
  if (to.meta.public) return true;
  if (!session.loggedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  if (to.meta.roles && !session.hasRole(...to.meta.roles)) return { name: 'home' };
  return true;
}

export function createStaffRouter() {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });
  router.beforeEach((to) => guard(to, useSessionStore()));
  return router;
}
