import { ApiClient, WebStorageSessionStore } from '@onewindow/shared';

/** The supervision app's one API client; the session survives reloads in localStorage. */
export const api = new ApiClient({
  baseUrl: '/api',
  store: new WebStorageSessionStore('onewindow.supervision.session', window.localStorage),
});
