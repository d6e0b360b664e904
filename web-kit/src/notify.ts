import { ApiError } from '@onewindow/shared';
import { kitText } from './kit-text';

/** How an app tells its user that something worked or failed: Element Plus's toast in the back offices. */
export interface Notifier {
  error(message: string): void;
  warning(message: string): void;
  success(message: string): void;
}

/** The portal has no component library: a toast of its own, announced to screen readers. */
const domNotifier: Notifier = {
  error: (message) => toast(message, 'error'),
  warning: (message) => toast(message, 'error'),
  success: (message) => toast(message, 'success'),
};

let notifier: Notifier = domNotifier;

/** Chosen once at start-up (see startApp). */
export function setNotifier(n: Notifier) {
  notifier = n;
}

export const notify: Notifier = {
  error: (m) => notifier.error(m),
  warning: (m) => notifier.warning(m),
  success: (m) => notifier.success(m),
};

/** The message a person should read for a failure: the server's Chinese message, or the error's own. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError || e instanceof Error) return e.message;
  return typeof e === 'string' && e ? e : kitText('failed');
}

/** The one way a failure reaches the user: a toast with its message. */
export function reportError(e: unknown) {
  notify.error(errorMessage(e));
}

function toast(message: string, kind: 'error' | 'success') {
  if (typeof document === 'undefined') return;
  let host = document.getElementById('kit-toasts');
  if (!host) {
    host = document.createElement('div');
    host.id = 'kit-toasts';
    host.className = 'kit-toasts';
    document.body.appendChild(host);
  }
  const el = document.createElement('div');
  el.className = `kit-toast ${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  el.textContent = message;
  host.appendChild(el);
  setTimeout(() => el.remove(), kind === 'error' ? 6000 : 3000);
}
