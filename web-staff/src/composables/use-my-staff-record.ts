import type { ServiceWindowDto, StaffDto } from '@onewindow/shared';
import { reportError } from '@onewindow/web-kit';
import { onMounted, ref } from 'vue';
import { api } from '../api';
import { useSessionStore } from '../stores/session';

/** The logged-in person's staff record, their window and backup, and the away switch. */
export function useMyStaffRecord() {
  const session = useSessionStore();
  const me = ref<StaffDto | null>(null);
  const backup = ref<StaffDto | null>(null);
  const window = ref<ServiceWindowDto | null>(null);
  const saving = ref(false);

  async function load() {
    const id = session.principal!.id;
    me.value = await api.org.getStaff(id);
    backup.value = me.value.backupStaffId ? await api.org.getStaff(me.value.backupStaffId).catch(() => null) : null;
    window.value = me.value.windowId
      ? ((await api.org.listWindows()).find((w) => w.id === me.value!.windowId) ?? null)
      : null;
  }

  async function setAway(away: boolean) {
    saving.value = true;
    try {
      me.value = await api.org.setStaffAway(session.principal!.id, away);
    } catch (e) {
      reportError(e);
    } finally {
      saving.value = false;
    }
  }

  onMounted(load);
  return { me, backup, window, saving, setAway };
}
