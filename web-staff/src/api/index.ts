import { ApiClient, WebStorageSessionStore } from '@onewindow/shared';

const expiredHandlers: (() => void)[] = [];

/** The back office's one API client; session in localStorage, expiry reported to the router. */
export const api = new ApiClient({
  baseUrl: '/api',
  store: new WebStorageSessionStore('onewindow.staff.session', window.localStorage),
  onSessionExpired: () => expiredHandlers.forEach((h) => h()),
});

export function onSessionExpired(handler: () => void) {
  expiredHandlers.push(handler);
}
