import type { KeyProjectDto, MarkKeyProjectRequest } from '@onewindow/shared';
import { useAction } from '@onewindow/web-kit';
import { reactive, ref } from 'vue';
import { api } from '../api';

const blank = (): MarkKeyProjectRequest => ({
  projectCode: '',
  projectName: '',
  applicantName: '',
  idNumber: '',
  reason: '',
});

/** 重点项目 (绿色通道): the list, marking a project (with the server's field errors) and revoking one with a reason. */
export function useKeyProjects() {
  const items = ref<KeyProjectDto[]>([]);
  const loading = ref(false);
  const marking = reactive({ open: false, form: blank() });
  const revoking = reactive({ open: false, target: null as KeyProjectDto | null, reason: '' });
  const markAction = useAction();
  const revokeAction = useAction();

  async function load() {
    loading.value = true;
    try {
      items.value = await api.keyProjects.list();
    } finally {
      loading.value = false;
    }
  }

  function startMark() {
    marking.form = blank();
    markAction.fieldErrors.value = {};
    marking.open = true;
  }

  async function submitMark(done: string) {
    const ok = await markAction.run(() => api.keyProjects.mark(marking.form), { success: done });
    if (!ok) return;
    marking.open = false;
    await load();
  }

  function startRevoke(kp: KeyProjectDto) {
    revoking.target = kp;
    revoking.reason = '';
    revokeAction.fieldErrors.value = {};
    revoking.open = true;
  }

  async function submitRevoke(done: string) {
    const target = revoking.target;
    if (!target) return;
    const ok = await revokeAction.run(() => api.keyProjects.revoke(target.id, { reason: revoking.reason }), {
      success: done,
    });
    if (!ok) return;
    revoking.open = false;
    await load();
  }

  return {
    items,
    loading,
    marking,
    revoking,
    markAction,
    revokeAction,
    load,
    startMark,
    submitMark,
    startRevoke,
    submitRevoke,
  };
}
