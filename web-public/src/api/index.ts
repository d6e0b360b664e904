import { ApiClient, WebStorageSessionStore } from '@onewindow/shared';

/** The portal's one API client; the session survives reloads in localStorage. */
export const api = new ApiClient({
  baseUrl: '/api',
  store: new WebStorageSessionStore('onewindow.public.session', window.localStorage),
});
