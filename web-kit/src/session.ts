import { type ApiClient, type LoginRequest, type Principal, type Role, ROLE_LABELS } from '@onewindow/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

/** Who may log in to an app, and what someone else is told. The server still checks every call. */
export interface Admission {
  admits(p: Principal): boolean;
  /** In the page's language at the moment of refusing. */
  refusal(): string;
}

/** A login that the server accepted but this app does not serve (an applicant at the back office, say). */
export class NotAdmittedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAdmittedError';
  }
}

/** The app's session store: who is logged in, whether the session ran out, and logging in and out. */
export function defineSessionStore(api: ApiClient, admission?: Admission) {
  return defineStore('session', () => {
    const principal = ref<Principal | null>(api.principal);
    const expired = ref(false);
    const loggedIn = computed(() => principal.value !== null);
    const roleLabels = computed(() => (principal.value?.roles ?? []).map((r) => ROLE_LABELS[r]));

    function hasRole(...roles: Role[]) {
      return !!principal.value?.roles.some((r) => roles.includes(r));
    }
    async function login(body: LoginRequest) {
      const p = await api.auth.login(body);
      if (admission && !admission.admits(p)) {
        await api.auth.logout().catch(() => undefined);
        throw new NotAdmittedError(admission.refusal());
      }
      principal.value = p;
      expired.value = false;
    }
    async function logout() {
      await api.auth.logout().catch(() => undefined);
      principal.value = null;
    }
    /** The server refused to refresh the session: forget it and say so on the login page. */
    function markExpired() {
      principal.value = null;
      expired.value = true;
    }
    return { principal, loggedIn, expired, roleLabels, hasRole, login, logout, markExpired };
  });
}

export type SessionStore = ReturnType<ReturnType<typeof defineSessionStore>>;
