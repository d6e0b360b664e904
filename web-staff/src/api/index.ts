import { ApiClient, WebStorageSessionStore } from '@onewindow/shared';

/** The back office's one API client; the session survives reloads in localStorage. */
export const api = new ApiClient({
  baseUrl: '/api',
  store: new WebStorageSessionStore('onewindow.staff.session', window.localStorage),
});
