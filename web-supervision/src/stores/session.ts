import { type LoginRequest, type Principal, Role, ROLE_LABELS } from '@onewindow/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';

/** Who may use the supervision app: the supervision bureau and center administrators. */
export const SUPERVISION_ROLES: Role[] = [Role.SUPERVISOR, Role.CENTER_ADMIN];

export class NotSupervisorError extends Error {
  constructor() {
    super('此系统仅供监察员和中心管理员使用');
  }
}

export const useSessionStore = defineStore('session', () => {
  const principal = ref<Principal | null>(api.principal);
  const expired = ref(false);
  const loggedIn = computed(() => principal.value !== null);
  const roleLabels = computed(() => (principal.value?.roles ?? []).map((r) => ROLE_LABELS[r]));

  async function login(body: LoginRequest) {
    const p = await api.auth.login(body);
    if (!p.roles.some((r) => SUPERVISION_ROLES.includes(r))) {
      await api.auth.logout();
      throw new NotSupervisorError();
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
  return { principal, loggedIn, expired, roleLabels, login, logout, markExpired };
});
