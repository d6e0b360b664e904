import { Role, WindowKind } from '@onewindow/shared';
import { ref, watch } from 'vue';
import { api } from '../api';
import { useSessionStore } from '../stores/session';

const comprehensive = ref(false);
let checkedFor: string | null = null;

/**
 * Whether the logged-in clerk sits at a comprehensive window (综合窗口): who receives, accepts and delivers 一件事
 * bundles. Read once per login; center-wide roles see the bundle pages too.
 */
export function useComprehensiveWindow() {
  const session = useSessionStore();
  watch(
    () => session.principal,
    async (p) => {
      const key = p ? `${p.id}:${p.windowId}` : null;
      if (key === checkedFor) return;
      checkedFor = key;
      comprehensive.value = false;
      if (!p?.windowId || !p.roles.includes(Role.CLERK)) return;
      const w = (await api.org.listWindows()).find((x) => x.id === p.windowId);
      comprehensive.value = w?.kind === WindowKind.COMPREHENSIVE;
    },
    { immediate: true },
  );
  return comprehensive;
}
