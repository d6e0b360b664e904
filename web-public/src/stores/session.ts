import type { LoginRequest, Principal } from '@onewindow/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api';

export const useSessionStore = defineStore('session', () => {
  const principal = ref<Principal | null>(api.principal);
  const expired = ref(false);
  const loggedIn = computed(() => principal.value !== null);

  async function login(body: LoginRequest) {
    principal.value = await api.auth.login(body);
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
  return { principal, loggedIn, expired, login, logout, markExpired };
});
