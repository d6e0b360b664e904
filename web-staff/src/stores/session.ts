import { type LoginRequest, type Principal, PrincipalKind, type Role, ROLE_LABELS } from '@onewindow/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';

export class NotStaffError extends Error {
  constructor() {
    super('申请人账号请在网上办事大厅登录');
  }
}

export const useSessionStore = defineStore('session', () => {
  const principal = ref<Principal | null>(api.principal);
  const expired = ref(false);
  const loggedIn = computed(() => principal.value !== null);
  const roleLabels = computed(() => (principal.value?.roles ?? []).map((r) => ROLE_LABELS[r]));

  function hasRole(...roles: Role[]) {
    return !!principal.value?.roles.some((r) => roles.includes(r));
  }

  async function login(body: LoginRequest) {
    const p = await api.auth.login(body);
    if (p.kind !== PrincipalKind.STAFF) {
      await api.auth.logout();
      throw new NotStaffError();
    }
    principal.value = p;
    expired.value = false;
  }
  async function logout() {
    await api.auth.logout().catch(() => undefined);
    principal.value = null;
  }
  function markExpired() {
    principal.value = null;
    expired.value = true;
  }
  return { principal, loggedIn, expired, roleLabels, hasRole, login, logout, markExpired };
});
