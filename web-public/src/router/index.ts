import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { useSessionStore } from '../stores/session';

export const routes = [
  { path: '/', name: 'home', component: () => import('../views/home/index.vue') },
  { path: '/login', name: 'login', component: () => import('../views/auth/login/index.vue') },
  { path: '/register', name: 'register', component: () => import('../views/auth/register/index.vue') },
  {
    path: '/account',
    name: 'account',
    component: () => import('../views/account/index.vue'),
    meta: { requiresAuth: true },
  },
  { path: '/guides', name: 'guides', component: () => import('../views/guides/index.vue') },
  { path: '/guides/:code', name: 'guide', component: () => import('../views/guide/index.vue') },
  { path: '/life-events', name: 'life-events', component: () => import('../views/life-events/index.vue') },
  { path: '/life-events/:code', name: 'life-event', component: () => import('../views/life-event/index.vue') },
  {
    path: '/my/bundles/:id',
    name: 'my-bundle',
    component: () => import('../views/my-bundle/index.vue'),
    meta: { requiresAuth: true },
  },
  { path: '/apply', name: 'apply', component: () => import('../views/apply/index.vue'), meta: { requiresAuth: true } },
  {
    path: '/my/cases/:id',
    name: 'my-case',
    component: () => import('../views/my-case/index.vue'),
    meta: { requiresAuth: true },
  },
  { path: '/progress', name: 'progress', component: () => import('../views/progress/index.vue') },
  { path: '/receipts/verify', name: 'receipt-check', component: () => import('../views/receipt-check/index.vue') },
  { path: '/rate', name: 'rate', component: () => import('../views/rate/index.vue') },
  {
    path: '/rate/window/:code',
    name: 'rate-window',
    component: () => import('../views/rate-window/index.vue'),
    meta: { kiosk: true },
  },
  { path: '/complain', name: 'complain', component: () => import('../views/complain/index.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/not-found/index.vue') },
];

/** Pages that need a logged-in applicant send others to the login page and back. */
export function authRedirect(to: RouteLocationNormalized, loggedIn: boolean) {
  if (to.meta.requiresAuth && !loggedIn) return { name: 'login', query: { redirect: to.fullPath } };
  return true;
}

export function createPortalRouter() {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });
  router.beforeEach((to) => authRedirect(to, useSessionStore().loggedIn));
  return router;
}
