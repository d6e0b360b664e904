import { ApiError, type CaseDto, type ClockExplanationDto, runningClock, saveDownloadedFile } from '@onewindow/shared';
import { ElMessage } from 'element-plus';
import { computed, ref } from 'vue';
import { api } from '../api';
import { useSessionStore } from '../stores/session';
import { availableActions, type CaseActionSpec } from './case-actions';

/** One case on the staff case page: its record, the clock running now, and the actions this user may take. */
export function useCase(id: string) {
  const session = useSessionStore();
  const c = ref<CaseDto | null>(null);
  const explanation = ref<ClockExplanationDto | null>(null);
  const busy = ref(false);
  const fieldErrors = ref<Record<string, string[]>>({});
  const actions = computed(() => (c.value ? availableActions(c.value, session.hasRole) : []));
  const running = computed(() => (c.value ? runningClock(c.value) : null));

  async function load() {
    c.value = await api.cases.get(id);
    explanation.value = running.value ? await api.clocks.explain(running.value.id) : null;
  }

  async function act(spec: CaseActionSpec, values: Record<string, unknown>): Promise<boolean> {
    busy.value = true;
    fieldErrors.value = {};
    try {
      c.value = await spec.run(c.value!, values);
      explanation.value = running.value ? await api.clocks.explain(running.value.id) : null;
      ElMessage.success(`${spec.label}：已完成`);
      return true;
    } catch (e) {
      if (e instanceof ApiError) {
        fieldErrors.value = e.fieldErrors;
        ElMessage.error(e.message);
        return false;
      }
      throw e;
    } finally {
      busy.value = false;
    }
  }

  const downloadNotice = async (noticeId: string) => saveDownloadedFile(await api.cases.notice(id, noticeId));
  const downloadMaterial = async (index: number) => saveDownloadedFile(await api.cases.materialFile(id, index));

  void load();
  return { c, explanation, running, actions, busy, fieldErrors, act, downloadNotice, downloadMaterial, reload: load };
}
