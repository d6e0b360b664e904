import { ApiClient, WebStorageSessionStore } from '@onewindow/shared';

export type AppName = 'public' | 'staff' | 'supervision';

/** An app's one API client; its session survives reloads in localStorage under a key of its own. */
export function createAppClient(app: AppName) {
  return new ApiClient({
    baseUrl: '/api',
    store: new WebStorageSessionStore(`onewindow.${app}.session`, window.localStorage),
  });
}
