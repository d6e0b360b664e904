import type { ApiClient } from '@onewindow/shared';
import { createPinia } from 'pinia';
import { type App, type Component, createApp, type Plugin } from 'vue';
import type { Router } from 'vue-router';
import { type Notifier, reportError, setNotifier } from './notify';

export interface AppStart {
  root: Component;
  i18n: Plugin;
  api: ApiClient;
  /** Builds the router once Pinia is installed (guards read the session store). */
  router: () => Router;
  /** The app's session store (see defineSessionStore). */
  session: () => { markExpired(): void };
  /** The back offices toast with Element Plus; the portal with the kit's own toast. */
  notifier?: Notifier;
  /** Plugins of the app's own (Element Plus), installed before the router. */
  install?: (app: App) => void;
}

/**
 * Starts an app the one way all three start: Pinia, i18n, the app's plugins, the router; an expired session
 * goes to the login page with the way back; every error nobody caught is shown to the user as a toast.
 */
export function startApp(start: AppStart) {
  const app = createApp(start.root);
  if (start.notifier) setNotifier(start.notifier);
  app.use(createPinia());
  app.use(start.i18n);
  start.install?.(app);
  const router = start.router();
  app.use(router);
  start.api.onSessionExpired(() => {
    start.session().markExpired();
    void router.push({ name: 'login', query: { redirect: router.currentRoute.value.fullPath } });
  });
  app.config.errorHandler = (e) => reportError(e);
  window.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    reportError(event.reason);
  });
  app.mount('#app');
  return app;
}
