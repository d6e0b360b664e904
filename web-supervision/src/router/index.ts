import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import SupervisionLayout from '../components/SupervisionLayout.vue';
import { useSessionStore } from '../stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    nav?: string;
  }
}

export const routes = [
  { path: '/login', name: 'login', component: () => import('../views/login/index.vue'), meta: { public: true } },
  {
    path: '/',
    component: SupervisionLayout,
    children: [
      { path: '', name: 'board', component: () => import('../views/board/index.vue'), meta: { nav: 'board' } },
      { path: 'cards', name: 'cards', component: () => import('../views/cards/index.vue'), meta: { nav: 'cards' } },
      { path: 'cards/:id', name: 'card', component: () => import('../views/cards/card.vue'), props: true },
      { path: 'urging', name: 'urging', component: () => import('../views/urging/index.vue'), meta: { nav: 'urging' } },
      {
        path: 'parallel',
        name: 'parallel',
        component: () => import('../views/parallel/index.vue'),
        meta: { nav: 'parallel' },
      },
      { path: 'fees', name: 'fees', component: () => import('../views/fees/index.vue'), meta: { nav: 'fees' } },
      {
        path: 'complaints',
        name: 'complaints',
        component: () => import('../views/complaints/index.vue'),
        meta: { nav: 'complaints' },
      },
      {
        path: 'evaluation',
        name: 'evaluation',
        component: () => import('../views/evaluation/index.vue'),
        meta: { nav: 'evaluation' },
      },
      {
        path: 'assessment',
        name: 'assessment',
        component: () => import('../views/assessment/index.vue'),
        meta: { nav: 'assessment' },
      },
      {
        path: 'rankings',
        name: 'rankings',
        component: () => import('../views/rankings/index.vue'),
        meta: { nav: 'rankings' },
      },
      { path: 'policy', name: 'policy', component: () => import('../views/policy/index.vue'), meta: { nav: 'policy' } },
      { path: 'audit', name: 'audit', component: () => import('../views/audit/index.vue'), meta: { nav: 'audit' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('../views/not-found/index.vue') },
    ],
  },
];

export function guard(to: RouteLocationNormalized, loggedIn: boolean) {
  if (to.meta.public || loggedIn) return true;
  return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
}

export function createSupervisionRouter() {
  const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });
  router.beforeEach((to) => guard(to, useSessionStore().loggedIn));
  return router;
}
